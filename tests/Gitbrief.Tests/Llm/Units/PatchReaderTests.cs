using System.Text;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Llm.Units;

public sealed class PatchReaderTests
{
    private const string Date1 = "2026-03-13T10:00:00+00:00";
    private const string Date2 = "2026-03-14T10:00:00+00:00";

    private static string Lines(int count, string prefix) => string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix} {i}\n"));

    /// <summary>A repository whose second commit modifies (two hunks), adds, deletes, renames with changes,
    /// and touches paths with spaces, non-ASCII characters and quotes, and a binary file.</summary>
    private static (TestRepository Repo, string Sha) Build()
    {
        var repo = TestRepository.Create();
        repo.Write("src/app.cs", Lines(60, "app line"))
            .Write("old name.txt", Lines(20, "rename me"))
            .Write("gone.txt", Lines(3, "bye"))
            .Write("weird/gone \"too\".txt", "quoted and deleted\n")
            .WriteBytes("assets/logo.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 3]);
        repo.Commit("base", Date1);

        var app = Lines(60, "app line").Replace("app line 2\n", "app line 2 changed\n", StringComparison.Ordinal)
            .Replace("app line 50\n", "app line 50 changed\nand one more\n", StringComparison.Ordinal);
        repo.Write("src/app.cs", app)
            .Write("docs/new file with spaces.md", "# Hello\n\nworld\n")
            .Write("docs/résumé 日本.md", "café\n")
            .Write("weird/say \"hi\".txt", "quoted\n")
            .Delete("gone.txt")
            .Delete("weird/gone \"too\".txt")
            .Move("old name.txt", "moved/new name.txt");
        repo.Write("moved/new name.txt", Lines(20, "rename me").Replace("rename me 10\n", "renamed 10\n", StringComparison.Ordinal))
            .WriteBytes("assets/logo.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 9, 9, 9])
            .WriteBytes("assets/new icon.bin", [0, 1, 2, 0, 255]);
        var sha = repo.Commit("second", Date2);
        return (repo, sha);
    }

    [Fact]
    public async Task ReadAsyncSplitsARealCommitPerFileAndHunk()
    {
        var (repo, sha) = Build();
        using var _ = repo;

        var patches = await PatchReader.ReadAsync(repo.Path, sha, CancellationToken.None);

        Assert.Equal(
            new[]
            {
                "assets/logo.png", "assets/new icon.bin", "docs/new file with spaces.md", "docs/résumé 日本.md", "gone.txt",
                "moved/new name.txt", "src/app.cs", "weird/gone \"too\".txt", "weird/say \"hi\".txt",
            },
            patches.Keys.Order(StringComparer.Ordinal));
        Assert.All(patches, p => Assert.Equal(p.Key, p.Value.Path));
        Assert.All(patches.Values, p => Assert.StartsWith("diff --git ", p.Header, StringComparison.Ordinal));
        Assert.All(patches.Values, p => Assert.All(p.Hunks, h => Assert.StartsWith("@@ ", h, StringComparison.Ordinal)));
        Assert.All(patches.Values, p => Assert.All(p.Hunks, h => Assert.EndsWith("\n", h, StringComparison.Ordinal)));
        Assert.All(patches.Values, p => Assert.DoesNotContain("@@", p.Header, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AModifiedFileHasOneHunkPerChangedRegion()
    {
        var (repo, sha) = Build();
        using var _ = repo;

        var app = (await PatchReader.ReadAsync(repo.Path, sha, CancellationToken.None))["src/app.cs"];

        Assert.Equal(2, app.Hunks.Count);
        Assert.Contains("+app line 2 changed\n", app.Hunks[0], StringComparison.Ordinal);
        Assert.DoesNotContain("app line 50 changed", app.Hunks[0], StringComparison.Ordinal);
        Assert.Contains("-app line 50\n+app line 50 changed\n+and one more\n", app.Hunks[1], StringComparison.Ordinal);
        Assert.Contains("--- a/src/app.cs\n+++ b/src/app.cs\n", app.Header, StringComparison.Ordinal);
        var show = repo.Git("show", "--format=", "--no-color", "-p", sha, "--", "src/app.cs") + "\n";
        Assert.Equal(show, app.Text);
    }

    [Fact]
    public async Task AddedDeletedAndRenamedFilesAreKeyedByTheRightPath()
    {
        var (repo, sha) = Build();
        using var _ = repo;

        var patches = await PatchReader.ReadAsync(repo.Path, sha, CancellationToken.None);

        var added = patches["docs/new file with spaces.md"];
        Assert.Contains("new file mode", added.Header, StringComparison.Ordinal);
        Assert.Equal("@@ -0,0 +1,3 @@\n+# Hello\n+\n+world\n", Assert.Single(added.Hunks));

        var deleted = patches["gone.txt"];
        Assert.Contains("deleted file mode", deleted.Header, StringComparison.Ordinal);
        Assert.Contains("+++ /dev/null", deleted.Header, StringComparison.Ordinal);
        Assert.Equal("@@ -1,3 +0,0 @@\n-bye 1\n-bye 2\n-bye 3\n", Assert.Single(deleted.Hunks));

        var renamed = patches["moved/new name.txt"];
        Assert.Contains("rename from old name.txt\n", renamed.Header, StringComparison.Ordinal);
        Assert.Contains("rename to moved/new name.txt\n", renamed.Header, StringComparison.Ordinal);
        Assert.Contains("-rename me 10\n+renamed 10\n", Assert.Single(renamed.Hunks), StringComparison.Ordinal);
        Assert.False(patches.ContainsKey("old name.txt"));
    }

    [Fact]
    public async Task UnusualPathsAreDecoded()
    {
        var (repo, sha) = Build();
        using var _ = repo;

        var patches = await PatchReader.ReadAsync(repo.Path, sha, CancellationToken.None);

        Assert.Equal("@@ -0,0 +1 @@\n+café\n", Assert.Single(patches["docs/résumé 日本.md"].Hunks));
        Assert.Equal("@@ -0,0 +1 @@\n+quoted\n", Assert.Single(patches["weird/say \"hi\".txt"].Hunks));
        Assert.Equal("@@ -1 +0,0 @@\n-quoted and deleted\n", Assert.Single(patches["weird/gone \"too\".txt"].Hunks));
    }

    [Fact]
    public async Task BinaryFilesHaveAHeaderAndNoHunks()
    {
        var (repo, sha) = Build();
        using var _ = repo;

        var patches = await PatchReader.ReadAsync(repo.Path, sha, CancellationToken.None);

        foreach (var path in new[] { "assets/logo.png", "assets/new icon.bin" })
        {
            Assert.Empty(patches[path].Hunks);
            Assert.Contains("Binary files", patches[path].Header, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheFirstCommitIsReadAgainstNothing()
    {
        using var repo = TestRepository.Create();
        repo.Write("a.txt", "one\n");
        var sha = repo.Commit("first", Date1);

        var patch = Assert.Single(await PatchReader.ReadAsync(repo.Path, sha, CancellationToken.None));

        Assert.Equal("a.txt", patch.Key);
        Assert.Equal("@@ -0,0 +1 @@\n+one\n", Assert.Single(patch.Value.Hunks));
    }

    [Fact]
    public void ParseHandlesQuotedPathsAndModeOnlyChanges()
    {
        var text = new StringBuilder()
            .Append("diff --git \"a/tab\\there.txt\" \"b/tab\\there.txt\"\n")
            .Append("index 1111111..2222222 100644\n")
            .Append("--- \"a/tab\\there.txt\"\n")
            .Append("+++ \"b/tab\\there.txt\"\n")
            .Append("@@ -1 +1 @@\n-a\n+b\n")
            .Append("diff --git \"a/caf\\303\\251.txt\" \"b/caf\\303\\251.txt\"\n")
            .Append("deleted file mode 100644\n")
            .Append("index 1111111..0000000\n")
            .Append("--- \"a/caf\\303\\251.txt\"\n")
            .Append("+++ /dev/null\n")
            .Append("@@ -1 +0,0 @@\n-x\n")
            .Append("diff --git a/run me.sh b/run me.sh\n")
            .Append("old mode 100644\n")
            .Append("new mode 100755\n")
            .ToString();

        var patches = PatchReader.Parse(text);

        Assert.Equal(["caf\u00e9.txt", "run me.sh", "tab\there.txt"], patches.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("@@ -1 +1 @@\n-a\n+b\n", Assert.Single(patches["tab\there.txt"].Hunks));
        Assert.Equal("@@ -1 +0,0 @@\n-x\n", Assert.Single(patches["caf\u00e9.txt"].Hunks));
        Assert.Empty(patches["run me.sh"].Hunks);
        Assert.Equal("diff --git a/run me.sh b/run me.sh\nold mode 100644\nnew mode 100755\n", patches["run me.sh"].Header);
    }

    [Fact]
    public void ParseOfNothingIsEmpty()
    {
        Assert.Empty(PatchReader.Parse(""));
        Assert.Empty(PatchReader.Parse("not a diff\n"));
    }

    [Fact]
    public async Task A_huge_diff_is_read_clipped_never_held_whole()
    {
        // 17 MB of diff: a file of 4,000 hunks, then ten new files of 1.5 MB each.
        using var repo = TestRepository.Create();
        string Many(bool changed) => string.Concat(Enumerable.Range(0, 40_000).Select(i =>
            (changed && i % 10 == 0 ? $"changed line {i}" : $"line {i}").PadRight(59, '.') + "\n"));
        repo.Write("a/many.txt", Many(changed: false)).Commit("base", Date1);
        repo.Write("a/many.txt", Many(changed: true));
        var big = string.Concat(Enumerable.Range(0, 15_000).Select(i => $"generated {i}".PadRight(99, '#') + "\n"));
        for (var i = 0; i < 10; i++)
        {
            repo.Write($"b/big{i}.txt", big);
        }
        var sha = repo.Commit("huge", Date2);

        var patches = await PatchReader.ReadAsync(repo.Path, sha, CancellationToken.None);

        Assert.Equal(11, patches.Count);
        Assert.All(patches.Values, p => Assert.True(p.Hunks.Sum(h => (long)h.Length) <= PatchReader.MaxFileChars, p.Path));
        Assert.True(patches.Values.Sum(p => p.Hunks.Sum(h => (long)h.Length)) <= PatchReader.MaxCommitChars);
        var many = patches["a/many.txt"];
        Assert.Equal(4_000, many.HunkCount);
        Assert.True(many.HunksLeftOut > 0);
        Assert.All(many.Hunks, h => Assert.StartsWith("@@ ", h, StringComparison.Ordinal));
        // The first new file is kept from its beginning, cut at a line end; the last ones past the commit's share only named.
        Assert.StartsWith("@@ -0,0 +1,15000 @@\n+generated 0#", Assert.Single(patches["b/big0.txt"].Hunks), StringComparison.Ordinal);
        Assert.EndsWith("#\n", patches["b/big0.txt"].Hunks[0], StringComparison.Ordinal);
        Assert.Empty(patches["b/big9.txt"].Hunks);
        Assert.Equal(1, patches["b/big9.txt"].HunksLeftOut);
        Assert.StartsWith("diff --git a/b/big9.txt b/b/big9.txt\n", patches["b/big9.txt"].Header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_windows_one_read_keeps_each_patch_as_git_show_gives_it()
    {
        var (repo, sha) = Build();
        using var _ = repo;
        var history = new GitHistory(repo.Path);
        history.KeepPatches();

        var commits = await history.ReadAsync("HEAD", DateTimeOffset.Parse(Date1).AddDays(-1), DateTimeOffset.Parse(Date2).AddDays(1), false, CancellationToken.None);
        var kept = await history.Patches.ReadAsync(sha, CancellationToken.None);
        var shown = await PatchReader.ReadAsync(repo.Path, sha, CancellationToken.None);

        Assert.Equal(2, commits.Count);
        Assert.Equal(shown.Keys.Order(StringComparer.Ordinal), kept.Keys.Order(StringComparer.Ordinal));
        Assert.All(shown, p => Assert.Equal(p.Value.Header, kept[p.Key].Header));
        Assert.All(shown, p => Assert.Equal(p.Value.Hunks, kept[p.Key].Hunks));
        Assert.Contains("@@ ", kept["src/app.cs"].Hunks[0], StringComparison.Ordinal);
    }
}
