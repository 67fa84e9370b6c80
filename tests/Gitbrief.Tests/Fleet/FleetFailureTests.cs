using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Fleet;

/// <summary>A repository that keeps failing fails alone: it is retried with back-off, then shows as failed, and the
/// day's other reports go out — when the rest are done, and at the latest at the day's deadline while it still retries.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FleetFailureTests(PostgresCluster cluster)
{
    private const string Gone = "/nonexistent/gitbrief-fleet/gone";

    /// <summary>Days published with their three good reports.</summary>
    private const string PublishedThree = "SELECT count(*) FROM gitbrief_fleet.days WHERE published_units = 3";

    [Fact]
    public async Task A_failing_repository_is_retried_then_shown_failed_and_the_others_are_published()
    {
        await using var fleet = await PublishedWithoutGoneAsync("retries: 1\nretry_delay: 1\npublish_deadline: 900");

        var status = fleet.Status("--date", FleetScenario.FirstDay);
        Assert.Contains($"| {FleetScenario.FirstDay} | 4 | 3 | 1 | 0 | 0 |", status.Stdout, StringComparison.Ordinal);
        // Two attempts (the first and one retry), then failed, with the reason.
        Assert.Matches(@"\| gone \| failed \| 2 \| [^|]+ \| [^|]*no such directory", status.Stdout);
        Assert.Equal(6, fleet.MessagesByUnit().Count);
        Assert.DoesNotContain(fleet.MessagesByUnit().Keys, k => k.StartsWith("gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repository_still_retrying_at_the_deadline_does_not_hold_the_day_back()
    {
        // Its retry waits ten minutes; the day's deadline is five seconds after it was queued.
        await using var fleet = await PublishedWithoutGoneAsync("retries: 5\nretry_delay: 600\npublish_deadline: 5");

        var status = fleet.Status();
        Assert.Contains($"| {FleetScenario.FirstDay} | 4 | 3 | 0 | 1 | 0 |", status.Stdout, StringComparison.Ordinal);
        Assert.Equal(6, fleet.MessagesByUnit().Count);
        Assert.All(fleet.MessagesByUnit(), m => Assert.Equal(1, m.Value));
    }

    /// <summary>Three good repositories and one whose directory is gone, over two days, with these retry and deadline
    /// settings; returns once both days went out with their three good reports.</summary>
    private async Task<FleetScenario> PublishedWithoutGoneAsync(string settings)
    {
        var fleet = await FleetScenario.CreateAsync(cluster, repositories: 3, days: 2, commitsPerDay: 1,
            server: "workers: 3\ninvisibility_timeout: 10\n" + settings, extraRepositories: Gone);
        try
        {
            await fleet.StartServerAsync();
            Assert.Equal(0, fleet.Enqueue().ExitCode);
            await fleet.WaitUntilAsync(PublishedThree, 2, TimeSpan.FromSeconds(150));
            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }
}
