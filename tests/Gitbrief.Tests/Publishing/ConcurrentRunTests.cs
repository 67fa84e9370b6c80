using System.Globalization;
using Gitbrief.Simulators;
using Gitbrief.Store;
using Gitbrief.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gitbrief.Tests.Publishing;

/// <summary>Two <c>gitbrief run</c> processes at once on one cache directory (a doubled schedule): every chat message
/// is sent once, the LLM is asked once per commit, the archive gets one commit per day. A run finding work claimed by
/// another live run waits for it and says so; a claim whose owner stopped renewing it is taken over.</summary>
public sealed class ConcurrentRunTests : IAsyncLifetime
{
    private const string First = "2026-01-10";
    private const string Last = "2026-01-15";
    private const int Days = 6;
    private const int CommitsPerDay = DoubledSchedule.CommitsPerDay;

    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repository = TestRepository.Create("twice");
    private readonly TempDirectory archiveRoot = new("gitbrief-archive");
    private ChatSimulator llm = null!;
    private WebhookReceiver chat = null!;
    private string archive = "";

    public async Task InitializeAsync()
    {
        DoubledSchedule.CommitDays(repository, Days);
        archive = archiveRoot.Combine("archive.git");
        GitProcess.Run(archiveRoot.Path, "init", "-q", "--bare", "-b", "main", archive);
        llm = await ChatSimulator.StartAsync();
        llm.Latency = DoubledSchedule.LlmLatency;
        chat = await WebhookReceiver.StartAsync("json");
    }

    public async Task DisposeAsync()
    {
        await llm.DisposeAsync();
        await chat.DisposeAsync();
        workspace.Dispose();
        repository.Dispose();
        archiveRoot.Dispose();
    }

    private Dictionary<string, string> Environment => new() { ["LLM_API_KEY"] = "sk-sim-concurrent", ["GB_CHAT_URL"] = chat.Url };

    private void Configure() =>
        workspace.WriteFile("gitbrief.yaml", DoubledSchedule.Config(repository.Path, llm.BaseUrl, store: null, "- type: git", $"  repo: '{archive}'"));

    [Fact]
    public async Task Two_runs_started_together_deliver_every_message_once_and_pay_the_llm_once()
    {
        Configure();

        var runs = await DoubledSchedule.RunTwiceAsync(workspace, Environment, First, Last);

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        // One POST per repository-day, each day once.
        Assert.Equal(Days, chat.Requests);
        Assert.Equal(Days, chat.Messages.Select(m => m.Json["date"]!.GetValue<string>()).Distinct().Count());
        // The LLM was asked once per commit (days of two commits ask for no highlights).
        Assert.Equal(Days * CommitsPerDay, llm.Requests.Count);
        Assert.Equal(Days * CommitsPerDay, llm.Requests.Select(r => r.Sha).Distinct().Count());
        // One archive commit per day, no duplicates that differ only in timings.
        Assert.Equal(Days.ToString(CultureInfo.InvariantCulture), GitProcess.Run(archive, "rev-list", "--count", "main"));
        // Both runs account for every target: one delivered, the other found it there (or waited and found it).
        var delivered = runs.Sum(r => Count(r.Stderr, "publish webhook:json: 6 delivered"));
        Assert.Equal(1, delivered);
    }

    [Fact]
    public async Task A_run_waits_for_a_repository_day_another_run_holds_and_takes_it_over_when_its_lease_runs_out()
    {
        const string day = "2026-01-12";
        const string other = "pid 1 on elsewhere (dead)";
        var first = workspace.Cli("run", "--repo", repository.Path, "--date", day);
        Assert.True(first.ExitCode == 0, first.ToString());
        // Another run, elsewhere, holds the same unit of work.
        var claim = new ClaimRequest(ClaimKey.Work(WorkUnitOf(day)));
        await using var store = await SqliteStore.OpenAsync(Path.Combine(workspace.Cache, "gitbrief.db"), CancellationToken.None);
        Assert.True((await store.TryClaimAsync([claim], other, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10), CancellationToken.None)).Acquired);

        using var second = CliRunner.Start(workspace.Root, null, "run", "--repo", repository.Path, "--date", day, "--out", workspace.Out, "--cache-dir", workspace.Cache);
        await second.WaitForStderrAsync($"twice: waiting for another gitbrief run ({other}) that is reporting {day}", TimeSpan.FromSeconds(60));
        // That run dies: it stops renewing, and its lease runs out a second from now.
        Assert.True((await store.TryClaimAsync([claim], other, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), CancellationToken.None)).Acquired);
        var result = await second.WaitForExitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("publish dir: 0 delivered, 0 updated, 1 already there", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The work unit the first run recorded for the day (its key folds in the run's settings).</summary>
    private WorkUnitKey WorkUnitOf(string day)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(workspace.Cache, "gitbrief.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT repository, time_zone, variant FROM work_units WHERE day = $day;";
        command.Parameters.AddWithValue("$day", day);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "the first run recorded no work unit");
        return new WorkUnitKey(reader.GetString(0), DateOnly.Parse(day, CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2));
    }

    private static int Count(string text, string part) => text.Split('\n').Count(l => l.Contains(part, StringComparison.Ordinal));
}
