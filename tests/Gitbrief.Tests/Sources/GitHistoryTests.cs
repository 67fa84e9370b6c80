using System.Text;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Sources;

public sealed class GitHistoryTests : IDisposable
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly TestRepository repo = TestRepository.Create("history");

    public void Dispose() => repo.Dispose();

    private static DateTimeOffset Midnight(int year, int month, int day) => new(year, month, day, 0, 0, 0, Shanghai);

    private async Task<IReadOnlyList<CommitRecord>> ReadDayAsync(int year, int month, int day, bool firstParent = false)
    {
        var history = new GitHistory(repo.Path);
        var (revision, _) = await history.ResolveBranchAsync(null, CancellationToken.None);
        var start = Midnight(year, month, day);
        return await history.ReadAsync(revision, start, start.AddDays(1), firstParent, CancellationToken.None);
    }

    [Fact]
    public async Task Commits_one_second_apart_across_midnight_fall_on_different_days()
    {
        var late = repo.Write("a.txt", "a\n").Commit("late commit", "2026-01-12T23:59:59+08:00");
        var early = repo.Write("b.txt", "b\n").Commit("early commit", "2026-01-13T00:00:00+08:00");

        var day12 = await ReadDayAsync(2026, 1, 12);
        var day13 = await ReadDayAsync(2026, 1, 13);

        Assert.Equal([late], day12.Select(c => c.Sha));
        Assert.Equal([early], day13.Select(c => c.Sha));
    }

    [Fact]
    public async Task A_commit_belongs_to_the_day_of_its_committer_date()
    {
        var sha = repo.Write("a.txt", "a\n").Commit("authored long ago", "2026-01-05T10:00:00+08:00", "2026-01-12T09:30:00+08:00");

        var commit = Assert.Single(await ReadDayAsync(2026, 1, 12));
        Assert.Empty(await ReadDayAsync(2026, 1, 5));
        Assert.Equal(sha, commit.Sha);
        Assert.Equal(DateTimeOffset.Parse("2026-01-05T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), commit.AuthoredAt);
        Assert.Equal(DateTimeOffset.Parse("2026-01-12T09:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture), commit.CommittedAt);
    }

    [Fact]
    public async Task Header_fields_are_read_exactly()
    {
        var parent = repo.Write("a.txt", "a\n").Commit("first", "2026-01-12T08:00:00+08:00");
        var sha = repo.Write("a.txt", "a\nb\n").Commit("second\n\nbody line\n", "2026-01-12T09:00:00+08:00", author: "Grace Hopper <grace@example.com>");

        var commit = (await ReadDayAsync(2026, 1, 12)).Single(c => c.Sha == sha);

        Assert.Matches("^[0-9a-f]{40}$", commit.Sha);
        Assert.Equal([parent], commit.Parents);
        Assert.Equal(new Person("Grace Hopper", "grace@example.com"), commit.Author);
        Assert.Equal(new Person(TestRepository.DefaultAuthor, TestRepository.DefaultEmail), commit.Committer);
        Assert.Equal("second", commit.Title);
        Assert.Contains("body line", commit.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(8), commit.CommittedAt.Offset);
        var file = Assert.Single(commit.Files);
        Assert.Equal(new FileChange("a.txt", null, FileStatus.Modified, 1, 0, false), file);
    }

    [Fact]
    public async Task Renames_deletions_additions_and_binary_files_are_reported_per_file()
    {
        repo.WriteLines("src/old_name.py", 20).WriteLines("docs/gone.md", 3).Commit("base", "2026-01-11T10:00:00+08:00");
        repo.Move("src/old_name.py", "src/new_name.py")
            .Delete("docs/gone.md")
            .WriteBytes("assets/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0xFF, 0x00, 0x01])
            .Write("new file.txt", "hello\nworld\n")
            .Commit("reshuffle", "2026-01-12T10:00:00+08:00");

        var commit = Assert.Single(await ReadDayAsync(2026, 1, 12));
        var files = commit.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);

        Assert.Equal(4, files.Count);
        Assert.Equal(new FileChange("src/new_name.py", "src/old_name.py", FileStatus.Renamed, 0, 0, false), files["src/new_name.py"]);
        Assert.Equal(new FileChange("docs/gone.md", null, FileStatus.Deleted, 0, 3, false), files["docs/gone.md"]);
        Assert.Equal(new FileChange("assets/logo.png", null, FileStatus.Added, 0, 0, true), files["assets/logo.png"]);
        Assert.Equal(new FileChange("new file.txt", null, FileStatus.Added, 2, 0, false), files["new file.txt"]);
    }

    [Fact]
    public async Task A_rename_with_edits_keeps_its_line_counts()
    {
        repo.WriteLines("lib/a.c", 30).Commit("base", "2026-01-11T10:00:00+08:00");
        repo.Move("lib/a.c", "lib/b.c");
        File.AppendAllText(Path.Combine(repo.Path, "lib/b.c"), "extra 1\nextra 2\n");
        repo.Git("add", "lib/b.c");
        repo.Commit("rename and edit", "2026-01-12T10:00:00+08:00");

        var file = Assert.Single(Assert.Single(await ReadDayAsync(2026, 1, 12)).Files);
        Assert.Equal(new FileChange("lib/b.c", "lib/a.c", FileStatus.Renamed, 2, 0, false), file);
    }

    [Fact]
    public async Task Unusual_paths_are_read_verbatim()
    {
        repo.Write("dir with space/ünïcödé 文件.txt", "x\n")
            .Write("tab\tin name.txt", "y\n")
            .Commit("odd paths", "2026-01-12T10:00:00+08:00");

        var commit = Assert.Single(await ReadDayAsync(2026, 1, 12));
        Assert.Equal(
            ["dir with space/ünïcödé 文件.txt", "tab\tin name.txt"],
            commit.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.All(commit.Files, f => Assert.Equal(1, f.Additions));
    }

    [Fact]
    public async Task Merges_are_skipped_by_default_and_listed_with_their_first_parent_diff_with_first_parent()
    {
        repo.Write("base.txt", "base\n").Commit("base", "2026-01-11T10:00:00+08:00");
        repo.Checkout("feature", create: true);
        var featureA = repo.Write("feature/a.txt", "a\n").Commit("feature a", "2026-01-12T09:00:00+08:00");
        var featureB = repo.WriteLines("feature/b.txt", 4).Commit("feature b", "2026-01-12T09:10:00+08:00");
        repo.Checkout("main");
        var mainline = repo.Write("main.txt", "main\n").Commit("mainline work", "2026-01-12T09:20:00+08:00");
        var merge = repo.Merge("feature", "Merge branch 'feature'", "2026-01-12T10:00:00+08:00");

        var all = await ReadDayAsync(2026, 1, 12);
        Assert.Equal(
            new[] { featureA, featureB, mainline }.Order(StringComparer.Ordinal),
            all.Select(c => c.Sha).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(all, c => c.IsMerge);

        var firstParent = await ReadDayAsync(2026, 1, 12, firstParent: true);
        Assert.Equal([merge, mainline], firstParent.Select(c => c.Sha));
        var mergeCommit = firstParent[0];
        Assert.True(mergeCommit.IsMerge);
        Assert.Equal(2, mergeCommit.Parents.Count);
        Assert.Equal(mainline, mergeCommit.Parents[0]);
        Assert.Equal(
            [new FileChange("feature/a.txt", null, FileStatus.Added, 1, 0, false), new FileChange("feature/b.txt", null, FileStatus.Added, 4, 0, false)],
            mergeCommit.Files.OrderBy(f => f.Path, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_GBK_message_with_an_encoding_header_is_decoded()
    {
        const string message = "修复：中文提交信息的编码问题\n\n详细说明：测试 GBK 编码。\n";
        var gbk = Encoding.GetEncoding("GBK").GetBytes(message);
        Assert.NotEqual(Encoding.UTF8.GetBytes(message), gbk);
        repo.Write("a.txt", "a\n").CommitRaw(gbk, "2026-01-12T10:00:00+08:00", encoding: "GBK");
        Assert.Equal("GBK", repo.Git("log", "-1", "--format=%e"));

        var commit = Assert.Single(await ReadDayAsync(2026, 1, 12));

        Assert.Equal("修复：中文提交信息的编码问题", commit.Title);
        Assert.Contains("详细说明：测试 GBK 编码。", commit.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', commit.Message);
    }

    [Fact]
    public async Task A_raw_Latin1_message_without_an_encoding_header_is_decoded()
    {
        var latin1 = Encoding.Latin1.GetBytes("Fix café crème brûlée\n");
        repo.Write("a.txt", "a\n").CommitRaw(latin1, "2026-01-12T10:00:00+08:00");
        Assert.Equal(string.Empty, repo.Git("log", "-1", "--format=%e"));

        var commit = Assert.Single(await ReadDayAsync(2026, 1, 12));

        Assert.Equal("Fix café crème brûlée", commit.Title);
        Assert.DoesNotContain('\uFFFD', commit.Message);
    }

    [Fact]
    public async Task Messages_containing_the_parser_marker_and_NUL_like_content_do_not_split_commits()
    {
        repo.Write("a.txt", "a\n").Commit("first\n\n\u0001gitbrief in the body\n:100644 100644 fake raw line\n", "2026-01-12T10:00:00+08:00");
        repo.Write("b.txt", "b\n").Commit("second\n\n1\t2\tfake numstat\n", "2026-01-12T11:00:00+08:00");

        var commits = await ReadDayAsync(2026, 1, 12);

        Assert.Equal(["second", "first"], commits.Select(c => c.Title));
        Assert.Equal(["b.txt"], commits[0].Files.Select(f => f.Path));
        Assert.Equal(["a.txt"], commits[1].Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Latest_commit_date_ignores_merges_unless_first_parent()
    {
        repo.Write("base.txt", "base\n").Commit("base", "2020-05-01T10:00:00+08:00");
        repo.Checkout("side", create: true);
        repo.Write("side.txt", "s\n").Commit("side", "2020-05-02T10:00:00+08:00");
        repo.Checkout("main");
        repo.Merge("side", "merge side", "2020-05-03T10:00:00+08:00");

        var history = new GitHistory(repo.Path);
        var noMerges = await history.LatestCommitDateAsync("HEAD", firstParent: false, CancellationToken.None);
        var firstParent = await history.LatestCommitDateAsync("HEAD", firstParent: true, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2020, 5, 2, 10, 0, 0, Shanghai), noMerges);
        Assert.Equal(new DateTimeOffset(2020, 5, 3, 10, 0, 0, Shanghai), firstParent);
    }

    [Fact]
    public async Task Branches_resolve_to_local_heads_and_unknown_branches_fail()
    {
        repo.Write("a.txt", "a\n").Commit("on main", "2026-01-12T10:00:00+08:00");
        repo.Checkout("topic", create: true);
        var topic = repo.Write("t.txt", "t\n").Commit("on topic", "2026-01-12T11:00:00+08:00");
        repo.Checkout("main");

        var history = new GitHistory(repo.Path);
        var (head, headName) = await history.ResolveBranchAsync(null, CancellationToken.None);
        var (revision, display) = await history.ResolveBranchAsync("topic", CancellationToken.None);
        var commits = await history.ReadAsync(revision, Midnight(2026, 1, 12), Midnight(2026, 1, 13), false, CancellationToken.None);

        Assert.Equal(("HEAD", "main"), (head, headName));
        Assert.Equal(("refs/heads/topic", "topic"), (revision, display));
        Assert.Equal(topic, commits[0].Sha);
        await Assert.ThrowsAsync<Gitbrief.Common.RepositoryException>(() => history.ResolveBranchAsync("nope", CancellationToken.None));
        await Assert.ThrowsAsync<Gitbrief.Common.RepositoryException>(() => history.ResolveBranchAsync("--output=x", CancellationToken.None));
    }

    [Fact]
    public async Task A_window_listed_before_the_branch_is_resolved_reads_as_one_listed_after()
    {
        var first = repo.Write("a.txt", "a\n").Commit("day 12", "2026-01-12T10:00:00+08:00");
        var second = repo.Write("b.txt", "b\n").Commit("day 13", "2026-01-13T10:00:00+08:00");

        var history = new GitHistory(repo.Path);
        history.StartListing(GitHistory.Head, Midnight(2026, 1, 12), Midnight(2026, 1, 13), false, CancellationToken.None);
        var (revision, _) = await history.ResolveBranchAsync(null, CancellationToken.None);
        var listedEarly = await history.ReadAsync(revision, Midnight(2026, 1, 12), Midnight(2026, 1, 13), false, CancellationToken.None);
        // A window other than the one listed early is listed afresh.
        history.StartListing(GitHistory.Head, Midnight(2026, 1, 12), Midnight(2026, 1, 13), false, CancellationToken.None);
        var other = await history.ReadAsync(revision, Midnight(2026, 1, 13), Midnight(2026, 1, 14), false, CancellationToken.None);

        Assert.Equal([first], listedEarly.Select(c => c.Sha));
        Assert.Equal([second], other.Select(c => c.Sha));
    }

    [Fact]
    public async Task An_empty_repository_listed_early_reports_no_commits_and_a_directory_that_is_no_repository_still_says_so()
    {
        using var empty = new TempDirectory("gitbrief-empty");
        GitProcess.Run(empty.Path, "init", "-q", "-b", "trunk");
        using var plain = new TempDirectory("gitbrief-plain");

        var history = new GitHistory(empty.Path);
        history.StartListing(GitHistory.Head, Midnight(2026, 1, 12), Midnight(2026, 1, 13), false, CancellationToken.None);
        var (revision, name) = await history.ResolveBranchAsync(null, CancellationToken.None);
        var notRepository = new GitHistory(plain.Path);
        notRepository.StartListing(GitHistory.Head, Midnight(2026, 1, 12), Midnight(2026, 1, 13), false, CancellationToken.None);

        Assert.Equal("trunk", name);
        Assert.Empty(await history.ReadAsync(revision, Midnight(2026, 1, 12), Midnight(2026, 1, 13), false, CancellationToken.None));
        var error = await Assert.ThrowsAsync<Gitbrief.Common.RepositoryException>(() => notRepository.ResolveBranchAsync(null, CancellationToken.None));
        Assert.Contains("not a git repository", error.Message, StringComparison.Ordinal);
    }
}
