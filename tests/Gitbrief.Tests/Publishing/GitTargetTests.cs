using System.Text;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Publishing;
using Gitbrief.Store;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Publishing;

/// <summary>The git publish target against real repositories: a bare archive (path or file:// URL), the real
/// command line for the daily job, and the target called directly for the push race.</summary>
public sealed class GitTargetTests : IDisposable
{
    private const string Day = "2026-01-12";
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository source = TestRepository.Create("demo");
    private readonly TempDirectory archiveRoot = new("gitbrief-archive");
    private readonly string archive;

    public GitTargetTests()
    {
        // The archive: a bare repository with one commit on main, as a team would have set it up.
        archive = TestRepository.CreateArchive(archiveRoot);
    }

    public void Dispose()
    {
        workspace.Dispose();
        source.Dispose();
        archiveRoot.Dispose();
    }

    private void Configure(string publish) => workspace.WriteFile("gitbrief.yaml", "publish:\n" + publish);

    private static string GitTargetEntry(string repo, string extra = "") => $"  - type: git\n    repo: '{repo}'\n{extra}";

    private CliResult Run(IReadOnlyDictionary<string, string>? environment = null) =>
        workspace.Cli(environment, "run", "--repo", source.Path, "--date", Day);

    private string ArchiveGit(params string[] arguments) => GitProcess.Run(archive, arguments);

    private List<string> Subjects(string branch = "main") => [.. ArchiveGit("log", "--format=%s", branch).Split('\n')];

    private string ArchiveFile(string path, string branch = "main") => ArchiveGit("show", $"{branch}:{path}");

    private static string Utf8(string path) => new UTF8Encoding(false).GetString(File.ReadAllBytes(path));

    /// <summary>A second clone of the archive that commits a file and pushes it, as another writer would.</summary>
    private void PushFromElsewhere(string path, string content, string message)
    {
        var other = archiveRoot.Combine("other-" + Guid.NewGuid().ToString("N"));
        GitProcess.Run(archiveRoot.Path, "clone", "-q", archive, other);
        var file = Path.Combine(other, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content, new UTF8Encoding(false));
        GitProcess.Run(other, "add", "--", path);
        GitProcess.Run(other, "-c", "user.name=Other", "-c", "user.email=other@example.com", "commit", "-q", "-m", message);
        GitProcess.Run(other, "push", "-q", "origin", "HEAD:main");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_commits_the_report_to_the_archive_and_a_second_run_adds_nothing(bool fileUrl)
    {
        source.Write("a.txt", "a\n").Commit("feat: first feature", "2026-01-12T10:00:00+08:00");
        var repo = fileUrl ? new Uri(archive).AbsoluteUri : archive;
        Configure(GitTargetEntry(repo));

        var first = Run();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(["Report: demo - 2026-01-12", "init archive"], Subjects());
        Assert.Equal("gitbrief <gitbrief@users.noreply.github.com>", ArchiveGit("log", "-1", "--format=%an <%ae>", "main"));
        Assert.Equal(workspace.Markdown("demo", Day).TrimEnd('\n'), ArchiveFile("reports/2026/demo/2026-01-12.md"));
        Assert.Equal(Utf8(workspace.ReportPath("demo", Day, "json")).TrimEnd('\n'), ArchiveFile("reports/2026/demo/2026-01-12.json"));
        Assert.Contains($"publish git:{repo}: 1 delivered, 0 updated, 0 already there", first.Stderr, StringComparison.Ordinal);
        var head = ArchiveGit("rev-parse", "main");

        var second = Run();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(head, ArchiveGit("rev-parse", "main"));
        Assert.Contains($"publish git:{repo}: 0 delivered, 0 updated, 1 already there", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_report_is_one_new_commit_on_top_of_what_another_clone_pushed()
    {
        source.Write("a.txt", "a\n").Commit("feat: first feature", "2026-01-12T10:00:00+08:00");
        Configure(GitTargetEntry(archive));
        Assert.Equal(0, Run().ExitCode);
        // The archive moves on after gitbrief's clone was made; then the source gets another commit that day.
        PushFromElsewhere("README.md", "report archive, edited elsewhere\n", "edit readme elsewhere");
        source.Write("b.txt", "b\n").Commit("fix: second change", "2026-01-12T15:00:00+08:00");

        var result = Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Report: demo - 2026-01-12", "edit readme elsewhere", "Report: demo - 2026-01-12", "init archive"], Subjects());
        Assert.Equal("reports/2026/demo/2026-01-12.json\nreports/2026/demo/2026-01-12.md",
            ArchiveGit("show", "--format=", "--name-only", "main"));
        var markdown = ArchiveFile("reports/2026/demo/2026-01-12.md");
        Assert.Contains("fix: second change", markdown, StringComparison.Ordinal);
        Assert.Equal(workspace.Markdown("demo", Day).TrimEnd('\n'), markdown);
        Assert.Equal("report archive, edited elsewhere", ArchiveFile("README.md"));
        Assert.Contains("0 delivered, 1 updated, 0 already there", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_the_archive_already_has_byte_for_byte_is_skipped_without_a_commit()
    {
        source.Write("a.txt", "a\n").Commit("feat: first feature", "2026-01-12T10:00:00+08:00");
        Configure(GitTargetEntry(archive));
        Assert.Equal(0, Run().ExitCode);
        var head = ArchiveGit("rev-parse", "main");
        // A fresh cache (no ledger, no clone): the archive's files are compared with the report.
        Directory.Delete(workspace.Cache, recursive: true);

        var result = Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(head, ArchiveGit("rev-parse", "main"));
        Assert.Contains("0 delivered, 0 updated, 1 already there", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_set_the_branch_folder_message_author_and_an_empty_archive_gets_its_first_branch()
    {
        var empty = archiveRoot.Combine("empty.git");
        GitProcess.Run(archiveRoot.Path, "init", "-q", "--bare", empty);
        source.Write("a.txt", "a\n").Commit("feat: first feature", "2026-01-12T10:00:00+08:00");
        Configure(GitTargetEntry(empty, """
                branch: briefs
                path: daily/
                message: "briefs: {repository} on {date} ({name})"
                author_name: Brief Bot
                author_email: bot@example.com
            """ + "\n"));

        var result = workspace.Cli("run", "--repo", source.Path, "--date", Day, "--format", "md");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("briefs: demo on 2026-01-12 (demo)", GitProcess.Run(empty, "log", "--format=%s", "briefs"));
        Assert.Equal("Brief Bot <bot@example.com>", GitProcess.Run(empty, "log", "-1", "--format=%an <%ae>|%cn <%ce>", "briefs").Split('|')[0]);
        Assert.Equal("daily/2026/demo/2026-01-12.md", GitProcess.Run(empty, "ls-tree", "-r", "--name-only", "briefs"));
    }

    [Fact]
    public void Without_branch_the_archives_default_branch_is_used()
    {
        ArchiveGit("branch", "trunk", "main");
        ArchiveGit("symbolic-ref", "HEAD", "refs/heads/trunk");
        source.Write("a.txt", "a\n").Commit("feat: first feature", "2026-01-12T10:00:00+08:00");
        Configure(GitTargetEntry(archive));

        var result = Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Report: demo - 2026-01-12", "init archive"], Subjects("trunk"));
        Assert.Equal(["init archive"], Subjects("main"));
    }

    [Fact]
    public void Push_false_commits_in_the_working_clone_only_and_records_nothing()
    {
        source.Write("a.txt", "a\n").Commit("feat: first feature", "2026-01-12T10:00:00+08:00");
        Configure(GitTargetEntry(archive, "    push: false\n"));
        var head = ArchiveGit("rev-parse", "main");

        var first = Run();
        var second = Run();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(head, ArchiveGit("rev-parse", "main"));
        Assert.Contains("1 delivered, 0 updated, 0 already there", second.Stderr, StringComparison.Ordinal);
        var clone = Assert.Single(Directory.GetDirectories(Path.Combine(workspace.Cache, "publish")));
        Assert.Equal("Report: demo - 2026-01-12", GitProcess.Run(clone, "log", "-1", "--format=%s"));
    }

    [Fact]
    public void An_unreachable_archive_fails_the_target_with_exit_4_and_the_directory_still_gets_the_report()
    {
        source.Write("a.txt", "a\n").Commit("feat: first feature", "2026-01-12T10:00:00+08:00");
        var missing = archiveRoot.Combine("missing.git");
        Configure("  - dir\n" + GitTargetEntry(missing));

        var result = Run();

        Assert.True(result.ExitCode == ExitCodes.PublishFailed, result.ToString());
        Assert.True(workspace.ReportExists("demo", Day));
        Assert.True(workspace.ReportExists("demo", Day, "json"));
        Assert.Contains("publish dir: 1 delivered", result.Stderr, StringComparison.Ordinal);
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("gitbrief: error:", StringComparison.Ordinal));
        Assert.Equal($"gitbrief: error: publish git:{missing}: cannot reach {missing}: no such directory", error);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_of_an_https_archive_is_never_in_the_output_or_in_any_file()
    {
        const string token = "ghp_gitTargetSecret0123456789abcdef";
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
        source.Write("a.txt", "a\n").Commit("feat: first feature", "2026-01-12T10:00:00+08:00");
        Configure(GitTargetEntry("https://127.0.0.1:1/x.git", "    token_env: ARCHIVE_TOKEN\n"));

        var result = Run(new Dictionary<string, string> { ["ARCHIVE_TOKEN"] = token, ["GITHUB_TOKEN"] = "ghp_unused_other_token" });

        Assert.True(result.ExitCode == ExitCodes.PublishFailed, result.ToString());
        Assert.Contains("gitbrief: error: publish git:https://127.0.0.1:1/x.git: cannot reach https://127.0.0.1:1/x.git: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(encoded, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(workspace.Cache, "publish")), "the working clone was set up");
        foreach (var file in Directory.EnumerateFiles(workspace.Root, "*", SearchOption.AllDirectories))
        {
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(file));
            Assert.False(text.Contains(token, StringComparison.Ordinal) || text.Contains(encoded, StringComparison.Ordinal), file);
        }
    }

    [Fact]
    public void Bad_keys_are_config_errors_with_the_line()
    {
        Configure(GitTargetEntry(archive, "    path: ../outside\n"));

        var result = Run();

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("gitbrief.yaml:4", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'path' must be a folder inside the repository", result.Stderr, StringComparison.Ordinal);

        Configure(GitTargetEntry("https://user:secret-in-url@example.com/a.git"));
        var password = Run();

        Assert.True(password.ExitCode == ExitCodes.Usage, password.ToString());
        Assert.Contains("'repo' must not contain a user name or password", password.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-in-url", password.Stderr, StringComparison.Ordinal);

        Configure(GitTargetEntry("https://example.com/a.git", "    token_env: NOT_SET_ANYWHERE\n"));
        var unset = Run();

        Assert.True(unset.ExitCode == ExitCodes.Usage, unset.ToString());
        Assert.Contains("gitbrief.yaml:4", unset.Stderr, StringComparison.Ordinal);
        Assert.Contains("environment variable NOT_SET_ANYWHERE (named by 'token_env') is not set", unset.Stderr, StringComparison.Ordinal);
    }

    // The target called directly: the archive moves between the target's fetch and its push.

    private async Task<(GitTarget Target, PublishedReport Report, SqliteStore Store)> PrepareAsync(IReadOnlyDictionary<string, object>? keys = null)
    {
        source.Write("a.txt", "a\n").Commit("feat: first feature", "2026-01-12T10:00:00+08:00");
        var summary = await workspace.RunAsync(new ReportArguments { Repositories = [source.Path], Date = Day });
        var report = summary.Repositories.Single().Reports.Single().Published!;
        var settings = TargetSettings.From("git", keys ?? new Dictionary<string, object> { ["repo"] = archive });
        var context = new PublishContext(_ => null, workspace.Out, workspace.Cache, ["md"], TimeProvider.System);
        var target = (GitTarget)GitTarget.Create(settings, context);
        var store = await SqliteStore.OpenAsync(Path.Combine(workspace.Cache, "gitbrief.db"), CancellationToken.None);
        return (target, report, store);
    }

    private static PublishBatch Batch(PublishedReport report) => new([report], ReportLanguage.Zh, false, DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_push_rejected_because_the_archive_moved_is_rebased_and_pushed_again()
    {
        var (target, report, store) = await PrepareAsync();
        await using var _ = store;
        var pushes = 0;
        target.BeforePush = _ =>
        {
            if (pushes++ == 0)
            {
                PushFromElsewhere("notes/other.md", "someone else\n", "another writer");
            }
            return Task.CompletedTask;
        };

        var outcome = await target.PublishAsync(Batch(report), new PublishLedger(store), CancellationToken.None);

        Assert.Equal(new TargetOutcome(target.Id, 1, 0, 0), outcome);
        Assert.Equal(2, pushes);
        Assert.Equal(["Report: demo - 2026-01-12", "another writer", "init archive"], Subjects());
        Assert.Equal(report.Markdown.TrimEnd('\n'), ArchiveFile("reports/2026/demo/2026-01-12.md"));
        var recorded = await store.FindPublicationAsync(target.Id, report.Repository, report.Day, CancellationToken.None);
        Assert.Equal(report.Hash, recorded?.Hash);
        Assert.Equal(ArchiveGit("rev-parse", "main"), recorded?.Location);
    }

    [Fact]
    public async Task A_conflicting_push_of_the_same_report_is_replaced_by_ours_on_top()
    {
        var (target, report, store) = await PrepareAsync();
        await using var _ = store;
        var pushes = 0;
        target.BeforePush = _ =>
        {
            if (pushes++ == 0)
            {
                PushFromElsewhere("reports/2026/demo/2026-01-12.md", "an older report\n", "older report");
            }
            return Task.CompletedTask;
        };

        var outcome = await target.PublishAsync(Batch(report), new PublishLedger(store), CancellationToken.None);

        Assert.Equal(new TargetOutcome(target.Id, 0, 1, 0), outcome);
        Assert.Equal(["Report: demo - 2026-01-12", "older report", "init archive"], Subjects());
        Assert.Equal(report.Markdown.TrimEnd('\n'), ArchiveFile("reports/2026/demo/2026-01-12.md"));
    }

    [Fact]
    public async Task An_archive_that_keeps_moving_fails_after_three_pushes_and_nothing_is_recorded()
    {
        var (target, report, store) = await PrepareAsync();
        await using var _ = store;
        var pushes = 0;
        target.BeforePush = _ =>
        {
            PushFromElsewhere($"notes/{pushes++}.md", "busy\n", "busy writer");
            return Task.CompletedTask;
        };

        var error = await Assert.ThrowsAsync<Common.GitbriefException>(() => target.PublishAsync(Batch(report), new PublishLedger(store), CancellationToken.None));

        Assert.Equal(3, pushes);
        Assert.Contains("rejected 3 times", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindPublicationAsync(target.Id, report.Repository, report.Day, CancellationToken.None));
        Assert.DoesNotContain("Report: demo - 2026-01-12", Subjects());
    }
}
