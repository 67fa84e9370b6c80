using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Fleet;

/// <summary>Three gitbrief-server processes over a real PostgreSQL cluster, 60 repository-days of generated
/// repositories analysed by the LLM simulator and delivered to a webhook receiver: every unit is done once, every
/// report posted once, the LLM asked once per commit — also when PostgreSQL restarts mid-run; when a worker is killed
/// with SIGKILL mid-job, only the questions it had in flight (their answers never reached the store) are asked again.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FleetTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Finish = TimeSpan.FromSeconds(150);

    /// <summary>The fleet's <c>llm.max_concurrency</c> in these scenarios: no more questions than this are in flight
    /// when a worker dies.</summary>
    private const int InFlight = 8;

    [Fact]
    public async Task Three_workers_do_every_repository_day_once_and_post_every_report_once()
    {
        await using var fleet = await FleetScenario.CreateAsync(cluster, repositories: 6, days: 10, commitsPerDay: 2, llmSettings: "max_concurrency: 8");
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => fleet.StartServerAsync()));

        var queued = fleet.Enqueue();
        Assert.True(queued.ExitCode == 0, queued.ToString());
        Assert.Contains("10 day(s), 60 repository-day job(s)", queued.Stdout, StringComparison.Ordinal);
        await fleet.WaitUntilPublishedAsync(Finish);

        await AssertDoneOnceAsync(fleet);
        var status = fleet.Status();
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains($"| {FleetScenario.FirstDay} | 6 | 6 | 0 | 0 | 0 | 12 | 0 |", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_killed_mid_job_is_taken_over_and_nothing_is_done_or_sent_twice()
    {
        await using var fleet = await FleetScenario.CreateAsync(cluster, repositories: 6, days: 10, commitsPerDay: 2, llmSettings: "max_concurrency: 8");
        // Slow answers, so that the victim is surely in the middle of a job when it is killed.
        fleet.Llm.Latency = TimeSpan.FromMilliseconds(300);
        var servers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => fleet.StartServerAsync()));
        Assert.Equal(0, fleet.Enqueue().ExitCode);

        await fleet.WaitUntilWorkingAsync(servers[0], Start);
        servers[0].Kill();
        await fleet.WaitUntilPublishedAsync(Finish);

        await AssertDoneOnceAsync(fleet, askedAgain: InFlight);
    }

    [Fact]
    public async Task PostgreSQL_restarting_mid_run_costs_a_moment_and_the_run_ends_the_same()
    {
        await using var fleet = await FleetScenario.CreateAsync(cluster, repositories: 6, days: 10, commitsPerDay: 2, llmSettings: "max_concurrency: 8");
        fleet.Llm.Latency = TimeSpan.FromMilliseconds(100);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => fleet.StartServerAsync()));
        Assert.Equal(0, fleet.Enqueue().ExitCode);

        await fleet.WaitUntilDoneAsync(10, Start);
        await cluster.RestartAsync();
        await fleet.WaitUntilPublishedAsync(Finish);

        await AssertDoneOnceAsync(fleet);
    }

    /// <summary>The end state a user checks: every unit done once, every report posted once, each commit asked once.</summary>
    private static async Task AssertDoneOnceAsync(FleetScenario fleet, int askedAgain = 0)
    {
        var completions = await fleet.CompletionsAsync();
        Assert.Equal(fleet.Units, completions.Count);
        Assert.All(completions, c => Assert.Equal(1, c));
        var messages = fleet.MessagesByUnit();
        Assert.Equal(fleet.Units, messages.Count);
        Assert.All(messages, m => Assert.True(m.Value == 1, $"{m.Key} was posted {m.Value} times"));
        // Days of two commits ask for no highlights: one request per commit; a second only for what a killed worker
        // had in flight, whose answer it never kept.
        Assert.InRange(fleet.Llm.Requests.Count - fleet.Commits, 0, askedAgain);
        Assert.Equal(fleet.Commits, fleet.Llm.Requests.Select(r => r.Sha).Distinct().Count());
    }
}
