using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Publishing;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Publishing;

/// <summary>gitbrief run: the report, then every target; once per day whatever the number of runs.</summary>
public sealed class DailyJobTests : IDisposable
{
    private const string Day = "2026-02-10";
    private readonly TestRepository repository = TestRepository.Create("daily");
    private readonly ReportWorkspace workspace = new();

    public DailyJobTests()
    {
        repository.WriteLines("src/app.py", 10);
        repository.Commit("feat: first", "2026-02-10T09:00:00+08:00");
        repository.WriteLines("docs/guide.md", 5);
        repository.Commit("docs: guide", "2026-02-10T10:00:00+08:00");
    }

    public void Dispose()
    {
        workspace.Dispose();
        repository.Dispose();
    }

    [Fact]
    public void Run_writes_the_files_and_a_second_run_delivers_nothing()
    {
        var first = workspace.Cli("run", "--repo", repository.Path, "--date", Day);
        var second = workspace.Cli("run", "--repo", repository.Path, "--date", Day);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("publish dir: 1 delivered, 0 updated, 0 already there", first.Stderr, StringComparison.Ordinal);
        Assert.True(workspace.ReportExists("daily", Day));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("publish dir: 0 delivered, 0 updated, 1 already there", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_report_is_updated_and_a_copy_directory_follows()
    {
        var config = workspace.WriteFile("gitbrief.yaml", "publish:\n  - dir\n  - type: dir\n    name: copy\n    path: copy\n");
        workspace.Cli("run", "--repo", repository.Path, "--date", Day, "-c", config);
        repository.WriteLines("src/late.py", 3);
        repository.Commit("fix: landed late", "2026-02-10T23:00:00+08:00");

        var rerun = workspace.Cli("run", "--repo", repository.Path, "--date", Day, "-c", config);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains("publish copy: 0 delivered, 1 updated, 0 already there", rerun.Stderr, StringComparison.Ordinal);
        var copy = File.ReadAllText(workspace.Combine("copy", "2026", "daily", Day + ".md"));
        Assert.Contains("fix: landed late", copy, StringComparison.Ordinal);
        Assert.Equal(workspace.Markdown("daily", Day), copy);
    }

    [Fact]
    public void A_bad_publish_entry_is_a_usage_error_with_its_line()
    {
        workspace.WriteFile("gitbrief.yaml", "publish:\n  - dir\n  - type: dir\n    pth: x\n");

        var result = workspace.Cli("run", "--repo", repository.Path, "--date", Day);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("gitbrief: error: gitbrief.yaml:4: unknown key 'pth' in 'publish[dir]' (expected one of: name, path, type); did you mean 'path'?", result.Stderr.Trim());
        Assert.False(workspace.ReportExists("daily", Day));
    }

    [Fact]
    public async Task A_failing_target_does_not_stop_the_others_and_the_run_says_so()
    {
        var request = RequestResolver.Resolve(
            new ReportArguments { Repositories = [repository.Path], Date = Day, OutputDirectory = workspace.Out, CacheDirectory = workspace.Cache },
            GitbriefConfig.Empty, workspace.Root, DateTimeOffset.UtcNow);
        var copy = DirTarget.Create(TargetSettings.From("dir", new Dictionary<string, object> { ["path"] = workspace.Combine("copy") }),
            new PublishContext(_ => null, workspace.Out, workspace.Cache, ["md"], TimeProvider.System));
        var job = new DailyJob(request, [new BrokenTarget(), copy]);

        var summary = await job.RunAsync(CancellationToken.None);

        Assert.Equal(ExitCodes.PublishFailed, summary.ExitCode);
        var broken = Assert.Single(summary.Targets, t => !t.Succeeded);
        Assert.Equal("broken: the chat server said no", broken.Error);
        Assert.Equal(1, Assert.Single(summary.Targets, t => t.Succeeded).Delivered);
        Assert.True(File.Exists(workspace.Combine("copy", "2026", "daily", Day + ".md")));
    }

    private sealed class BrokenTarget : IPublishTarget
    {
        public string Id => "broken";

        public string Kind => "webhook";

        public Task<TargetOutcome> PublishAsync(PublishBatch batch, PublishLedger ledger, CancellationToken cancellationToken) =>
            throw new Common.GitbriefException("broken: the chat server said no");
    }
}
