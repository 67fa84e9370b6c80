using Gitbrief.Analysis;
using Gitbrief.Sources;

namespace Gitbrief.Tests.Analysis;

public sealed class ComponentGrouperTests
{
    private static IReadOnlyList<ImpactedComponent> Components(CommitBuilder builder) => builder.Analyze().Analysis.Components;

    [Fact]
    public void Files_group_by_directory_up_to_three_levels()
    {
        // (root) and src/Gitbrief tie on 2 lines and 1 file: the path decides.
        var components = Components(CommitBuilder.Message("x")
            .File("src/Gitbrief/Analysis/RulesAnalyzer.cs", 30, 10)
            .File("src/Gitbrief/Analysis/Deep/Nested/Thing.cs", 5, 5)
            .File("src/Gitbrief/Program.cs", 2, 0)
            .File("README.md", 1, 1));

        Assert.Equal(
            [
                new ImpactedComponent("src/Gitbrief/Analysis", 2, 35, 15),
                new ImpactedComponent(ComponentGrouper.Root, 1, 1, 1),
                new ImpactedComponent("src/Gitbrief", 1, 2, 0),
            ],
            components);
    }

    [Fact]
    public void Many_directories_collapse_to_at_most_six_components_and_the_totals_add_up()
    {
        var builder = CommitBuilder.Message("chore: everything")
            .File("src/a/x/1.cs", 10, 1)
            .File("src/a/y/2.cs", 20, 2)
            .File("src/b/3.cs", 30, 3)
            .File("docs/4.md", 40, 4)
            .File("tests/t/5.cs", 50, 5)
            .File("lib/c/d/e/6.cs", 60, 6)
            .File("tools/7.sh", 70, 7)
            .File("README.md", 80, 8)
            .File("Cargo.lock", 5000, 5000);

        var components = Components(builder);

        Assert.True(components.Count <= 6, string.Join(" | ", components));
        Assert.Equal(9, components.Sum(c => c.Files));
        Assert.Equal(360, components.Sum(c => c.Additions));
        Assert.Equal(36, components.Sum(c => c.Deletions));
        // Ordered by lines, then by file count (src and lib tie on 66 lines; src has 3 files).
        Assert.Equal(["(root)", "tools", "src", "lib", "tests", "docs"], components.Select(c => c.Path));
        Assert.Equal(new ImpactedComponent("src", 3, 60, 6), components.Single(c => c.Path == "src"));
        Assert.Equal(new ImpactedComponent(ComponentGrouper.Root, 2, 80, 8), components[0]);
    }

    [Fact]
    public void Hundreds_of_files_in_hundreds_of_directories_stay_within_six_components()
    {
        var builder = CommitBuilder.Message("chore: mass rename");
        for (var i = 0; i < 300; i++)
        {
            builder.File($"pkg{i % 40}/sub{i % 7}/deeper{i % 3}/f{i}.go", i, 1);
        }

        var components = Components(builder);

        Assert.InRange(components.Count, 1, 6);
        Assert.Equal(300, components.Sum(c => c.Files));
        Assert.Equal(Enumerable.Range(0, 300).Sum(), components.Sum(c => c.Additions));
        Assert.Equal(300, components.Sum(c => c.Deletions));
    }

    [Fact]
    public void Components_are_ordered_by_changed_lines()
    {
        var components = Components(CommitBuilder.Message("x").File("small/a.cs", 1).File("big/a.cs", 100).File("mid/a.cs", 10));

        Assert.Equal(["big", "mid", "small"], components.Select(c => c.Path));
    }

    [Fact]
    public void No_files_means_no_components()
    {
        Assert.Empty(ComponentGrouper.Group([]));
    }

    [Fact]
    public void Churn_that_is_not_meaningful_counts_files_but_not_lines()
    {
        var files = new[]
        {
            new ClassifiedFile(new FileChange("web/yarn.lock", null, FileStatus.Modified, 900, 800, false), FileRole.Lockfile),
            new ClassifiedFile(new FileChange("web/app.js", null, FileStatus.Modified, 3, 2, false), FileRole.Source),
        };

        Assert.Equal([new ImpactedComponent("web", 2, 3, 2)], ComponentGrouper.Group(files));
    }

    [Fact]
    public void Paths_with_empty_segments_group_as_the_same_paths_without_them()
    {
        static ClassifiedFile Source(string path) => new(new FileChange(path, null, FileStatus.Modified, 1, 0, false), FileRole.Source);

        var components = ComponentGrouper.Group(
        [
            Source("src/api/v1/handlers/users.go"), Source("src//api/v1/x.go"), Source("/src/api/v1/y.go"), Source("src/api/v1/z.go/"),
            Source("main.go"), Source("/main2.go"), Source("cmd/tool/main.go"),
        ]);

        Assert.Equal(
            [
                new ImpactedComponent("src/api/v1", 4, 4, 0),
                new ImpactedComponent(ComponentGrouper.Root, 2, 2, 0),
                new ImpactedComponent("cmd/tool", 1, 1, 0),
            ],
            components);
    }

    /// <summary>Folding the distinct directories gives what folding every file's own key gave (the grouping before it
    /// worked on distinct names, kept here as the reference): the same components, counts, totals and order, for commits
    /// whose files share directories at every depth, with lockfiles, files at the root and paths with empty segments.</summary>
    [Fact]
    public void Folding_distinct_directories_matches_folding_every_file()
    {
        var random = new Random(12);
        string[] tops = ["src", "lib", "docs", "tests", "tools", "web", "cmd"];
        for (var commit = 0; commit < 60; commit++)
        {
            var files = new List<ClassifiedFile>();
            var count = random.Next(1, 400);
            for (var i = 0; i < count; i++)
            {
                var depth = random.Next(0, 6);
                var segments = Enumerable.Range(0, depth).Select(d => d == 0 ? tops[random.Next(tops.Length)] : $"d{random.Next(3)}").ToList();
                segments.Add($"f{i}.cs");
                var path = string.Join('/', segments);
                path = random.Next(20) switch { 0 => "/" + path, 1 => path.Replace("/", "//", StringComparison.Ordinal), 2 => path + "/", _ => path };
                var role = random.Next(10) == 0 ? FileRole.Lockfile : FileRole.Source;
                files.Add(new ClassifiedFile(new FileChange(path, null, FileStatus.Modified, random.Next(0, 500), random.Next(0, 50), false), role));
            }

            Assert.Equal(FoldingEveryFile(files), ComponentGrouper.Group(files));
        }
    }

    /// <summary>The grouping as it was: one key per file, folded while more than six distinct keys remain.</summary>
    private static List<ImpactedComponent> FoldingEveryFile(IReadOnlyList<ClassifiedFile> files)
    {
        static string Directory(string path)
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return segments.Length <= 1 ? ComponentGrouper.Root : string.Join('/', segments.Take(Math.Min(3, segments.Length - 1)));
        }
        static int Depth(string key) => key == ComponentGrouper.Root ? 0 : key.Count(c => c == '/') + 1;
        static string Parent(string key) => key.LastIndexOf('/') is var slash and >= 0 ? key[..slash] : ComponentGrouper.Root;

        var keys = files.Select(f => Directory(f.Change.Path)).ToList();
        while (keys.Distinct(StringComparer.Ordinal).Count() > 6)
        {
            var deepest = keys.Max(Depth);
            if (deepest == 0)
            {
                break;
            }
            keys = keys.Select(k => Depth(k) == deepest ? Parent(k) : k).ToList();
        }
        return files.Zip(keys)
            .GroupBy(p => p.Second, StringComparer.Ordinal)
            .Select(g => new ImpactedComponent(
                g.Key,
                g.Count(),
                (int)g.Where(p => p.First.IsMeaningful).Sum(p => (long)p.First.Change.Additions),
                (int)g.Where(p => p.First.IsMeaningful).Sum(p => (long)p.First.Change.Deletions)))
            .OrderByDescending(c => (long)c.Additions + c.Deletions)
            .ThenByDescending(c => c.Files)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ToList();
    }
}
