using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Fleet;

/// <summary>A day's publish delivers the reports its repository-day jobs kept in the store: it reads no repository
/// and asks the LLM nothing, so it goes out even from a machine without the repositories, and still once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FleetPublishTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_publish_retried_after_the_repositories_are_gone_delivers_every_stored_report_once()
    {
        await using var fleet = await FleetScenario.CreateAsync(cluster, repositories: 3, days: 2, commitsPerDay: 1,
            server: "workers: 3\nretries: 5\nretry_delay: 1\npublish_deadline: 900\ninvisibility_timeout: 10");
        // The chat endpoint is down until both days' first publish has failed.
        fleet.Chat.Faults = _ => WebhookFault.ServerError();
        await fleet.StartServerAsync();
        Assert.Equal(0, fleet.Enqueue().ExitCode);
        await fleet.WaitUntilAsync("SELECT count(*) FROM gitbrief_fleet.days WHERE publish_error IS NOT NULL", fleet.Days, TimeSpan.FromSeconds(150));

        fleet.DeleteRepositories();
        fleet.Chat.Faults = _ => null;
        await fleet.WaitUntilPublishedAsync(TimeSpan.FromSeconds(150));

        var messages = fleet.MessagesByUnit();
        Assert.Equal(fleet.Units, messages.Count);
        Assert.All(messages, m => Assert.True(m.Value == 1, $"{m.Key} was posted {m.Value} times"));
        // Each message counts its day's commit: the report as the repository-day job built it.
        Assert.All(fleet.Chat.Messages, m => Assert.Equal(fleet.CommitsPerDay, m.Json["stats"]!["total"]!.GetValue<int>()));
        Assert.Equal(fleet.Commits, fleet.Llm.Requests.Count);
    }
}
