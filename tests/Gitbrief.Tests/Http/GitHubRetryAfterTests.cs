using System.Net;
using Gitbrief.Simulators;
using Gitbrief.Sources.GitHubApi;

namespace Gitbrief.Tests.Http;

/// <summary>The GitHub client against the commits simulator on 127.0.0.1: a secondary rate limit's Retry-After is
/// waited out whether GitHub gives it in seconds or as an HTTP date (the back-off alone would retry at once), and
/// one that asks for longer than the client waits fails at once with one clear line.</summary>
public sealed class GitHubRetryAfterTests : IAsyncLifetime
{
    private GitHubCommitsSimulator simulator = null!;

    public async Task InitializeAsync()
    {
        simulator = await GitHubCommitsSimulator.StartAsync();
        simulator.Add(new SimulatedRepository("acme", "demo", "trunk"));
    }

    public async Task DisposeAsync() => await simulator.DisposeAsync();

    private GitHubApiClient Client(TimeSpan? maxWait = null) => new(new GitHubApiOptions
    {
        BaseUrl = new Uri(simulator.BaseUrl),
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRateLimitWait = maxWait ?? TimeSpan.FromMinutes(15),
    });

    /// <summary>The first request is limited; returns that request and the retry that followed it.</summary>
    private async Task<(SimulatedApiRequest Limited, SimulatedApiRequest Retry)> ReadLimitedOnceAsync(GitHubFault fault)
    {
        var once = 0;
        simulator.Faults = _ => Interlocked.Exchange(ref once, 1) == 0 ? fault : null;
        using var client = Client();

        var repository = await client.GetAsync("repos/acme/demo", GitHubJsonContext.Default.RepositoryPayload, CancellationToken.None);

        Assert.Equal("trunk", repository.DefaultBranch);
        var requests = simulator.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal((403, 200), (requests[0].Status, requests[1].Status));
        return (requests[0], requests[1]);
    }

    [Fact]
    public async Task A_retry_after_in_seconds_is_waited_out_before_the_retry()
    {
        var (limited, retry) = await ReadLimitedOnceAsync(GitHubFault.SecondaryLimit(2));

        Assert.True(retry.ReceivedAt - limited.ReceivedAt >= TimeSpan.FromSeconds(2), $"retried after {(retry.ReceivedAt - limited.ReceivedAt).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_retry_after_given_as_an_http_date_is_waited_until()
    {
        // Whole seconds, as an HTTP date has: 2 to 3 s from now.
        var until = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3);

        var (_, retry) = await ReadLimitedOnceAsync(GitHubFault.SecondaryLimitUntil(until));

        Assert.True(retry.ReceivedAt >= until, $"retried at {retry.ReceivedAt:HH:mm:ss.fff}, asked to wait until {until:HH:mm:ss}");
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_client_waits_fails_at_once_with_one_line()
    {
        simulator.Faults = _ => GitHubFault.SecondaryLimitUntil(DateTimeOffset.UtcNow.AddHours(1));
        using var client = Client(maxWait: TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<GitHubApiException>(
            () => client.GetAsync("repos/acme/demo", GitHubJsonContext.Default.RepositoryPayload, CancellationToken.None));

        Assert.Single(simulator.Requests);
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Matches(@"^GitHub API: secondary rate limit on GET /repos/acme/demo asks to wait 3[56][0-9]{2} s, longer than the 1 min Gitbrief waits: You have exceeded", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
