using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Fleet;

/// <summary>The dashboard the server serves: the Gitbrief page (units per day) and Hangfire's pages, behind basic
/// authentication when a password variable is set; never reachable from other machines without one.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardTests(PostgresCluster cluster)
{
    [Fact]
    public async Task The_dashboard_asks_for_the_password_and_then_shows_each_day_and_hangfire()
    {
        var port = FreePort();
        await using var fleet = await FleetScenario.CreateAsync(cluster, repositories: 2, days: 1, commitsPerDay: 1,
            dashboard: $"bind: 127.0.0.1:{port}\nuser: ops\npassword_env: DASH_PASSWORD");
        fleet.ExtraEnvironment["DASH_PASSWORD"] = "s3cret-dash";
        await fleet.StartServerAsync();
        Assert.Equal(0, fleet.Enqueue().ExitCode);
        await fleet.WaitUntilPublishedAsync(TimeSpan.FromSeconds(120));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(http, "", "ops:wrong")).StatusCode);
        var page = await Get(http, "", "ops:s3cret-dash");
        var hangfire = await Get(http, "hangfire", "ops:s3cret-dash");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        // The day, its 2 units both done, 0 failed, 0 running, 0 pending, 2 commits, 2 LLM requests, and published.
        Assert.Contains($"<tr><td>{FleetScenario.FirstDay}</td><td>2</td><td>2</td><td>0</td><td>0</td><td>0</td><td>2</td><td>2</td>", html, StringComparison.Ordinal);
        Assert.Contains("(2 reports)", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, hangfire.StatusCode);
        Assert.Contains("Gitbrief fleet", await hangfire.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dashboard_bound_beyond_loopback_without_a_password_stops_the_server_with_a_config_error()
    {
        await using var fleet = await FleetScenario.CreateAsync(cluster, repositories: 1, days: 1, commitsPerDay: 1, dashboard: "bind: 0.0.0.0:18080");

        var result = FleetServer.Run(Path.GetDirectoryName(fleet.ConfigPath)!, fleet.Environment, "serve", "--config", fleet.ConfigPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"^gitbrief-server: error: .*gitbrief\.yaml:\d+: 'server\.dashboard\.bind' 0\.0\.0\.0:18080 is reachable from other machines: set 'server\.dashboard\.password_env'", result.Stderr);
    }

    private static Task<HttpResponseMessage> Get(HttpClient http, string path, string credentials)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return http.SendAsync(request);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
