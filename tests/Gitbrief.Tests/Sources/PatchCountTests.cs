using System.Globalization;
using System.Text;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Sources;

/// <summary>The window's one read asks git for the patch without <c>--numstat</c> and counts each file's lines from it:
/// every file's counts and binary flag must still be exactly what <c>git log --numstat</c> says, including the cases a patch
/// cannot tell alone (a binary file renamed or its mode changed, an empty file marked binary, a type change shown as two
/// sections), and a day of many commits, read by two git processes, keeps git's order.</summary>
public sealed class PatchCountTests
{
    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2026-03-14T00:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_files_counts_and_binary_flag_are_those_of_git_numstat()
    {
        using var repository = TestRepository.Create();
        repository.Write(".gitattributes", "*.png binary\n")
            .WriteBytes("assets/blob.dat", [0x62, 0x00, 0x01])
            .WriteBytes("assets/moved.dat", [0x61, 0x00, 0x02])
            .WriteBytes("assets/mode.dat", [0x63, 0x00, 0x03])
            .Write("empty.png", string.Empty)
            .Write("dashes.txt", "-- x\n--- y\n+++ z\n")
            .Write("no-newline.txt", "one")
            .Write("tab\tname.txt", "tab\n")
            .WriteLines("numbers.txt", 50)
            .WriteLines("docs/moved.md", 20)
            .Commit("base", "2026-03-13T10:00:00+00:00");
        File.CreateSymbolicLink(Path.Combine(repository.Path, "link"), "numbers.txt");
        repository.Git("add", "link");
        repository.Commit("a link", "2026-03-13T11:00:00+00:00");

        repository.WriteBytes("assets/blob.dat", [0x62, 0x00, 0x09]).Commit("binary edit", "2026-03-14T01:00:00+00:00");
        repository.Move("assets/moved.dat", "assets/renamed.dat").Commit("binary pure rename", "2026-03-14T02:00:00+00:00");
        repository.Git("update-index", "--chmod=+x", "assets/mode.dat");
        repository.Commit("binary mode change", "2026-03-14T03:00:00+00:00");
        repository.Write("other.png", string.Empty).Write("empty.txt", string.Empty).Commit("empty files", "2026-03-14T04:00:00+00:00");
        repository.Write("dashes.txt", "--- y\n++++ z\n-- q\n").Write("no-newline.txt", "two").Write("tab\tname.txt", "tab\nmore\n")
            .Commit("lines that look like headers", "2026-03-14T05:00:00+00:00");
        repository.Delete("link").Write("link", "now a file\n").Commit("type change", "2026-03-14T06:00:00+00:00");
        repository.Move("docs/moved.md", "docs/renamed.md").WriteLines("docs/renamed.md", 21).Commit("rename and edit", "2026-03-14T07:00:00+00:00");
        repository.WriteLines("numbers.txt", 600, "row").Commit("large edit", "2026-03-14T08:00:00+00:00");
        repository.Delete("numbers.txt").Delete("empty.png").Commit("deletions", "2026-03-14T09:00:00+00:00");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var commits = await new GitHistory(repository.Path).ReadAsync("HEAD", Day, Day.AddDays(1), false, timeout.Token);

        Assert.Equal(9, commits.Count);
        foreach (var commit in commits)
        {
            Assert.Equal(Numstat(repository, commit.Sha), commit.Files.Select(f => $"{f.Path} {(f.Binary ? "-" : f.Additions)} {(f.Binary ? "-" : f.Deletions)}"));
        }
        var byTitle = commits.ToDictionary(c => c.Title);
        Assert.True(Assert.Single(byTitle["binary pure rename"].Files).Binary);
        Assert.True(Assert.Single(byTitle["binary mode change"].Files).Binary);
        Assert.Equal(["empty.txt False", "other.png True"], byTitle["empty files"].Files.Select(f => $"{f.Path} {f.Binary}").Order(StringComparer.Ordinal));
        var typeChange = Assert.Single(byTitle["type change"].Files);
        Assert.Equal(("link", FileStatus.TypeChanged, 1, 1), (typeChange.Path, typeChange.Status, typeChange.Additions, typeChange.Deletions));
        Assert.Equal(["--- x", "-+++ z", "+++++ z", "+-- q", "-one", "+two", "+more"],
            byTitle["lines that look like headers"].Lines!.Select(l => (l.Added ? "+" : "-") + l.Text));
        Assert.Null(byTitle["large edit"].Lines);
    }

    [Fact]
    public async Task A_day_of_many_commits_keeps_gits_order_and_each_commits_own_files()
    {
        using var repository = TestRepository.Create();
        repository.Write("seed.txt", "seed\n").Commit("seed", "2026-03-13T10:00:00+00:00");
        for (var i = 0; i < 13; i++)
        {
            repository.WriteLines($"src/file{i}.cs", i + 1).Commit($"commit {i}", $"2026-03-14T{i + 1:00}:00:00+00:00");
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var commits = await new GitHistory(repository.Path).ReadAsync("HEAD", Day, Day.AddDays(1), false, timeout.Token);

        Assert.Equal(repository.Git("log", "--format=%H", "-13").Split('\n'), commits.Select(c => c.Sha));
        foreach (var commit in commits)
        {
            var file = Assert.Single(commit.Files);
            var number = int.Parse(commit.Title["commit ".Length..], CultureInfo.InvariantCulture);
            Assert.Equal(($"src/file{number}.cs", number + 1), (file.Path, file.Additions));
        }
        Assert.All(commits, c => Assert.Equal(c.Files[0].Additions, c.Lines!.Count));
    }

    [Fact]
    public async Task A_commit_modifying_thousands_of_files_has_each_files_numstat_counts_and_the_commits_after_it_are_read()
    {
        using var repository = TestRepository.Create();
        var paths = Enumerable.Range(0, 1_200).Select(i => i switch
        {
            < 500 => $"src/a/f{i}.txt",
            < 900 => $"src/b/{i % 3}/f{i}.txt",
            < 1_150 => $"lib/f{i}.txt",
            _ => $"top{i}.txt",
        }).ToList();
        WriteAll(repository, paths, _ => 6, _ => "line");
        repository.WriteBytes("src/a/blob.dat", [0x62, 0x00, 0x01]).Commit("base", "2026-03-13T10:00:00+00:00");
        repository.WriteLines("src/a/f1.txt", 8).Commit("small, older", "2026-03-14T01:00:00+00:00");
        WriteAll(repository, paths, i => 7 + (i % 4), i => i % 2 == 0 ? "line" : "row");
        repository.WriteBytes("src/a/blob.dat", [0x62, 0x00, 0x02]).Commit("every file", "2026-03-14T02:00:00+00:00");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var commits = await new GitHistory(repository.Path).ReadAsync("HEAD", Day, Day.AddDays(1), false, timeout.Token);

        Assert.Equal(["every file", "small, older"], commits.Select(c => c.Title));
        foreach (var commit in commits)
        {
            Assert.Equal(Numstat(repository, commit.Sha), commit.Files.Select(f => $"{f.Path} {(f.Binary ? "-" : f.Additions)} {(f.Binary ? "-" : f.Deletions)}"));
        }
        Assert.Equal(1_201, commits[0].Files.Count);
        Assert.All(commits[0].Files, f => Assert.Equal(FileStatus.Modified, f.Status));
        Assert.Null(commits[0].Lines);
        Assert.Equal(["+line 7", "+line 8"], commits[1].Lines!.Select(l => (l.Added ? "+" : "-") + l.Text));
    }

    /// <summary>Writes numbered lines into each of <paramref name="paths"/> and stages them with one git call.</summary>
    private static void WriteAll(TestRepository repository, List<string> paths, Func<int, int> lines, Func<int, string> prefix)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            var full = Path.Combine(repository.Path, paths[i]);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, string.Concat(Enumerable.Range(1, lines(i)).Select(n => $"{prefix(i)} {n}\n")));
        }
        repository.Git("add", "-A");
    }

    /// <summary>"path added deleted" per file of <c>git log --numstat -M</c> (binary: "-"), in git's order.</summary>
    private static List<string> Numstat(TestRepository repository, string sha)
    {
        var output = repository.Git("-c", "core.quotePath=false", "log", "--no-walk", "--numstat", "-z", "-M", "--format=", sha);
        var tokens = output.Split('\0');
        var files = new List<string>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var fields = tokens[i].TrimStart('\n').Split('\t', 3);
            if (fields.Length != 3)
            {
                continue;
            }
            var path = fields[2];
            if (path.Length == 0)
            {
                path = tokens[i + 2];
                i += 2;
            }
            files.Add(new StringBuilder(path).Append(' ').Append(fields[0]).Append(' ').Append(fields[1]).ToString());
        }
        return files;
    }
}
