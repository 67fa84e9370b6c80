using System.Text;
using Gitbrief.Analysis;
using Gitbrief.Configuration;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Sources;

/// <summary>The changed lines the ranking reads from a real repository, in the same git read as the commits: kept for the
/// day's small commits, none for a large one, and a docs-only edit inside the code ranked low from them.</summary>
public sealed class ChangedLineReaderTests
{
    [Fact]
    public async Task Small_commits_get_their_lines_and_a_comment_only_fix_ranks_low()
    {
        using var repository = TestRepository.Create();
        repository.Write("src/pool.rs", "/// Returns the pool.\npub fn pool() -> Pool {\n    Pool::new()\n}\n")
            .Commit("Add the pool", "2026-03-13T10:00:00+00:00");
        repository.Write("src/pool.rs", "/// Returns the pool, created on first use.\npub fn pool() -> Pool {\n    Pool::new()\n}\n")
            .Commit("Fix pool doc", "2026-03-14T09:00:00+00:00");
        repository.Write("src/pool.rs", "/// Returns the pool, created on first use.\npub fn pool() -> Pool {\n    Pool::shared()\n}\n")
            .Commit("Share the pool", "2026-03-14T10:00:00+00:00");
        repository.WriteLines("src/generated_table.rs", 600).Commit("Add the lookup table", "2026-03-14T11:00:00+00:00");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var history = new GitHistory(repository.Path);
        var commits = await history.ReadAsync("HEAD", DateTimeOffset.Parse("2026-03-14T00:00:00Z"), DateTimeOffset.Parse("2026-03-15T00:00:00Z"), false, timeout.Token);

        var byTitle = commits.ToDictionary(c => c.Title);
        Assert.Equal(["-/// Returns the pool.", "+/// Returns the pool, created on first use."],
            byTitle["Fix pool doc"].Lines!.Select(l => (l.Added ? "+" : "-") + l.Text));
        Assert.All(byTitle["Share the pool"].Lines!, l => Assert.Equal("src/pool.rs", l.Path));
        Assert.Null(byTitle["Add the lookup table"].Lines);

        var analyzer = new RulesAnalyzer(ImportanceWeights.Default, ReportLanguage.En);
        Assert.Equal(ImportanceLevel.Low, analyzer.Analyze(byTitle["Fix pool doc"]).Importance.Level);
        Assert.DoesNotContain(analyzer.Analyze(byTitle["Share the pool"]).Importance.Reasons, r => r.Code is "comments" or "formatting");
    }

    [Fact]
    public async Task A_large_commit_between_small_ones_is_passed_over_and_theirs_are_read_whole()
    {
        using var repository = TestRepository.Create();
        repository.Write("src/a.py", "x = 1\n").Write("src/b.py", "y = 1\n").Commit("Add a and b", "2026-03-13T10:00:00+00:00");
        repository.Write("src/a.py", "x = 2\n").Commit("Bump a", "2026-03-14T09:00:00+00:00");
        repository.WriteLines("src/table.py", 5_000).WriteLines("src/other.py", 300).Commit("Add the tables", "2026-03-14T10:00:00+00:00");
        repository.Write("src/b.py", "y = 2  # the default\n").Commit("Bump b", "2026-03-14T11:00:00+00:00");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var commits = await new GitHistory(repository.Path).ReadAsync(
            "HEAD", DateTimeOffset.Parse("2026-03-14T00:00:00Z"), DateTimeOffset.Parse("2026-03-15T00:00:00Z"), false, timeout.Token);

        var byTitle = commits.ToDictionary(c => c.Title);
        Assert.Equal(["Bump b", "Add the tables", "Bump a"], commits.Select(c => c.Title));
        Assert.Equal(["-x = 1", "+x = 2"], byTitle["Bump a"].Lines!.Select(l => (l.Added ? "+" : "-") + l.Text));
        Assert.Equal(["-y = 1", "+y = 2  # the default"], byTitle["Bump b"].Lines!.Select(l => (l.Added ? "+" : "-") + l.Text));
        Assert.Null(byTitle["Add the tables"].Lines);
        Assert.Equal(["src/other.py 300", "src/table.py 5000"],
            byTitle["Add the tables"].Files.Select(f => $"{f.Path} {f.Additions}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Wide_commits_between_small_ones_come_out_in_rules_mode_as_the_read_that_keeps_every_patch_gives_them()
    {
        using var repository = TestRepository.Create();
        repository.Write("src/a.py", "x = 1\n").Commit("Add a", "2026-03-13T10:00:00+00:00");
        for (var i = 0; i < 201; i++)
        {
            repository.Write($"vendor/lib{i:000}.py", $"v = {i}\n");
        }
        repository.Commit("Vendor the libraries", "2026-03-14T08:00:00+00:00");
        repository.Write("src/a.py", "x = 2\n").Commit("Bump a", "2026-03-14T09:00:00+00:00");
        repository.WriteLines("data/table.csv", 20_001).Commit("Add the table", "2026-03-14T10:00:00+00:00");
        repository.WriteLines("data/other.csv", 20_001).Commit("Add another table", "2026-03-14T11:00:00+00:00");
        repository.Write("src/a.py", "x = 3\n").Commit("Bump a again", "2026-03-14T12:00:00+00:00");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (from, to) = (DateTimeOffset.Parse("2026-03-14T00:00:00Z"), DateTimeOffset.Parse("2026-03-15T00:00:00Z"));

        var rules = await new GitHistory(repository.Path).ReadAsync("HEAD", from, to, false, timeout.Token);
        var keeping = new GitHistory(repository.Path);
        keeping.KeepPatches();
        var full = await keeping.ReadAsync("HEAD", from, to, false, timeout.Token);

        Assert.Equal(["Bump a again", "Add another table", "Add the table", "Bump a", "Vendor the libraries"], rules.Select(c => c.Title));
        Assert.Equal(["-x = 2", "+x = 3"], rules[0].Lines!.Select(l => (l.Added ? "+" : "-") + l.Text));
        Assert.Equal(["-x = 1", "+x = 2"], rules[3].Lines!.Select(l => (l.Added ? "+" : "-") + l.Text));
        Assert.Equal(201, rules[4].Files.Count);
        Assert.Equal(20_001, rules[2].Files.Single().Additions);
        Assert.Equal(full.Select(Shape), rules.Select(Shape));
    }

    /// <summary>A commit as the report sees it, lists by value.</summary>
    private static string Shape(CommitRecord commit) =>
        string.Join("\n", new[] { commit.Sha, commit.Message, string.Join(",", commit.Parents) }
            .Concat(commit.Files.Select(f => f.ToString()))
            .Concat(commit.Lines?.Select(l => $"{l.Path} {l.Added} {l.Text}") ?? ["no lines"]));

    [Fact]
    public async Task Paths_that_read_like_git_output_stay_paths_and_a_root_commit_has_its_lines()
    {
        using var repository = TestRepository.Create();
        var ten = string.Concat(Enumerable.Range(1, 10).Select(i => $"line {i}\n"));
        repository.Write("diff --git a", ten).Write("notes/\u0001gitbrief", "two\n").Write("docs/résumé café.md", "# CV\n")
            .Commit("First files", "2026-03-14T08:00:00+00:00");
        repository.Move("diff --git a", "renamed/diff --git b");
        repository.Write("renamed/diff --git b", ten + "more\n").Write("docs/résumé café.md", "# CV\n\nupdated\n")
            .Commit("Rename and edit", "2026-03-14T09:00:00+00:00");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var commits = await new GitHistory(repository.Path).ReadAsync(
            "HEAD", DateTimeOffset.Parse("2026-03-14T00:00:00Z"), DateTimeOffset.Parse("2026-03-15T00:00:00Z"), false, timeout.Token);

        var byTitle = commits.ToDictionary(c => c.Title);
        Assert.Equal(["diff --git a", "docs/résumé café.md", "notes/\u0001gitbrief"], byTitle["First files"].Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal([.. Enumerable.Range(1, 10).Select(i => $"diff --git a: +line {i}").Order(StringComparer.Ordinal), "docs/résumé café.md: +# CV", "notes/\u0001gitbrief: +two"], Show(byTitle["First files"]));
        var renamed = Assert.Single(byTitle["Rename and edit"].Files, f => f.Status == FileStatus.Renamed);
        Assert.Equal(("renamed/diff --git b", "diff --git a", 1), (renamed.Path, renamed.OldPath, renamed.Additions));
        Assert.Equal(["docs/résumé café.md: +", "docs/résumé café.md: +updated", "renamed/diff --git b: +more"], Show(byTitle["Rename and edit"]));
    }

    [Fact]
    public void The_lines_read_in_one_pass_are_those_of_the_patch_split_into_files_and_hunks()
    {
        var longLine = new string('x', 300) + "é";
        var text = new System.Text.StringBuilder()
            .Append("preamble line\n+not a change\n")
            .Append("diff --git a/src/a.cs b/src/a.cs\nindex 1111111..2222222 100644\n--- a/src/a.cs\n+++ b/src/a.cs\n")
            .Append("@@ -1,3 +1,3 @@\n context\n-old line\r\n+new line\r\r\n--- removed line that looks like a header\n+++ added line that looks like one\n\\ No newline at end of file\n")
            .Append("@@ -10 +10 @@\n-" + longLine + "\n+\n-\n")
            .Append("diff --git a/old name.txt b/new name.txt\nsimilarity index 80%\nrename from old name.txt\nrename to new name.txt\n--- a/old name.txt\n+++ b/new name.txt\n@@ -1 +1 @@\n-a\n+b\n")
            .Append("diff --git \"a/caf\\303\\251.txt\" \"b/caf\\303\\251.txt\"\ndeleted file mode 100644\n--- \"a/caf\\303\\251.txt\"\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n")
            .Append("diff --git a/img.png b/img.png\nnew file mode 100644\nBinary files /dev/null and b/img.png differ\n")
            .Append("diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n")
            // A type change: git shows the path's deletion, then its addition; only the first section of a path counts.
            .Append("diff --git a/link b/link\ndeleted file mode 120000\n--- a/link\n+++ /dev/null\n@@ -1 +0,0 @@\n-target\n")
            .Append("diff --git a/link b/link\nnew file mode 100644\n--- /dev/null\n+++ b/link\n@@ -0,0 +1 @@\n+content\n")
            .Append("diff --git weird\n@@ -1 +1 @@\n-no path\n+so not kept\n")
            .Append("diff --git a/src/a.cs b/src/a.cs\n--- a/src/a.cs\n+++ b/src/a.cs\n@@ -1 +1 @@\n-again\n+twice\n")
            .Append("diff --git a/last.txt b/last.txt\n--- a/last.txt\n+++ b/last.txt\n@@ -1 +1 @@\n-no line end\n+at the end")
            .ToString();

        var lines = ChangedLineReader.LinesOf(Encoding.UTF8.GetBytes(text));

        Assert.Equal(LinesOfSplitPatch(text), lines);
        Assert.Equal(
        [
            "src/a.cs -old line", "src/a.cs +new line", "src/a.cs --- removed line that looks like a header", "src/a.cs +++ added line that looks like one",
            "src/a.cs -" + longLine[..ChangedLineReader.MaxLineLength], "src/a.cs +", "src/a.cs -",
            "new name.txt -a", "new name.txt +b", "caf\u00e9.txt -x", "link -target", "last.txt -no line end", "last.txt +at the end",
        ], lines.Select(l => $"{l.Path} {(l.Added ? "+" : "-")}{l.Text}"));
        Assert.Empty(ChangedLineReader.LinesOf(""u8));
        Assert.Empty(ChangedLineReader.LinesOf("not a diff\n-nor a line\n"u8));
    }

    [Fact]
    public void Lines_read_from_git_bytes_that_are_not_utf8_are_those_of_the_patch_decoded_whole()
    {
        // A Latin-1 path and text, a sequence cut by the line end, a carriage return after a cut sequence, a line of
        // 2-byte characters past the length kept, and one whose cut falls inside a 4-byte character (a surrogate pair).
        // git's bytes written one character each (Latin-1): "\u00C3\u00A9" is the UTF-8 of é, "\u00F0\u009F\u0098\u0080" of 😀.
        var patch = Encoding.Latin1.GetBytes(
            "diff --git a/caf\u00E9.txt b/caf\u00E9.txt\n--- a/caf\u00E9.txt\n+++ b/caf\u00E9.txt\n@@ -1,4 +1,4 @@\n"
            + "-na\u00EF\u00BF\n+na\u00E2\u0082\r\n"
            + "-" + string.Concat(Enumerable.Repeat("\u00C3\u00A9", 250)) + "\n"
            + "+" + new string('x', 239) + "\u00F0\u009F\u0098\u0080 tail\n"
            + "diff --git a/b.txt b/b.txt\nrename from a\u00FF\nrename to b.txt\n@@ -1 +1 @@\n-\u00C3\n");

        var lines = ChangedLineReader.LinesOf(patch);

        Assert.Equal(LinesOfSplitPatch(Encoding.UTF8.GetString(patch)), lines);
        Assert.Equal(5, lines.Count);
        Assert.Equal("caf\uFFFD.txt", lines[0].Path);
        Assert.Equal(new string('x', 239) + "\uD83D", lines[3].Text);
    }

    /// <summary>The changed lines as they were taken before the one-pass reader: the patch split into files and hunks by
    /// <see cref="PatchReader.Parse"/>, each hunk's lines after its header.</summary>
    private static List<ChangedLine> LinesOfSplitPatch(string patch) =>
    [
        .. PatchReader.Parse(patch).Values.SelectMany(file => file.Hunks
            .SelectMany(hunk => hunk.Split('\n').Skip(1).Select(line => line.TrimEnd('\r')))
            .Where(line => line.Length > 0 && line[0] is '+' or '-')
            .Select(line => new ChangedLine(file.Path, line[0] == '+',
                line.Length - 1 > ChangedLineReader.MaxLineLength ? line.Substring(1, ChangedLineReader.MaxLineLength) : line[1..]))),
    ];

    /// <summary>"path: +text" per changed line, in ordinal order.</summary>
    private static string[] Show(CommitRecord commit) =>
        [.. commit.Lines!.Select(l => $"{l.Path}: {(l.Added ? "+" : "-")}{l.Text}").Order(StringComparer.Ordinal)];
}
