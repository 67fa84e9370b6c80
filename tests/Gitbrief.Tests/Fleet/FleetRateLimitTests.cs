using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Fleet;

/// <summary><c>llm.rpm</c> is the limit of the whole fleet: three servers together never send the LLM endpoint more than
/// rpm requests in any minute, as the endpoint itself counts them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FleetRateLimitTests(PostgresCluster cluster)
{
    private const int RequestsPerMinute = 12;

    [Fact]
    public async Task Three_workers_together_keep_to_the_fleet_wide_requests_per_minute()
    {
        // 24 commits: twice the limit, so that the second half must wait for the first minute to pass.
        await using var fleet = await FleetScenario.CreateAsync(cluster, repositories: 3, days: 4, commitsPerDay: 2,
            llmSettings: $"max_concurrency: 16\nrpm: {RequestsPerMinute}");
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => fleet.StartServerAsync()));
        Assert.Equal(0, fleet.Enqueue().ExitCode);

        await fleet.WaitUntilPublishedAsync(TimeSpan.FromSeconds(180));

        var arrivals = fleet.Llm.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(fleet.Commits, arrivals.Count);
        for (var i = 0; i < arrivals.Count; i++)
        {
            var inMinute = arrivals.Skip(i).TakeWhile(t => t - arrivals[i] < TimeSpan.FromMinutes(1)).Count();
            Assert.True(inMinute <= RequestsPerMinute, $"{inMinute} requests reached the endpoint within a minute of {arrivals[i]:HH:mm:ss.fff} (limit {RequestsPerMinute}): " +
                string.Join(", ", arrivals.Select(a => a.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture))) + "\nadmitted: " +
                await fleet.ScalarTextAsync("SELECT string_agg(to_char(admitted_at, 'HH24:MI:SS.MS') || ' ' || holder, ', ' ORDER BY id) FROM gitbrief_fleet.llm_admissions"));
        }
    }
}
