using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Gitbrief.Site;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Site;

/// <summary><c>gitbrief serve</c>: a real process on a free port answering on 127.0.0.1, never outside the site.</summary>
public sealed class ServeCommandTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Serve_answers_GET_slash_on_loopback()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = site.Workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { CliRunner.GitbriefDll, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", site.Site })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadLineAsync();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpResponseMessage? response = null;
            while (response is null)
            {
                Assert.False(process.HasExited, "serve exited: " + await process.StandardError.ReadToEndAsync());
                try
                {
                    response = await client.GetAsync($"http://127.0.0.1:{port}/");
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Gitbrief", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains($"http://127.0.0.1:{port}/", await stdout, StringComparison.Ordinal);
            var script = await client.GetAsync($"http://127.0.0.1:{port}/assets/site.js");
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"http://127.0.0.1:{port}/missing.html")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/assets/..%2f..%2fsecret.txt")]
    [InlineData("/.hidden")]
    public void Paths_outside_the_site_are_not_served(string path)
    {
        File.WriteAllText(site.Workspace.Combine("secret.txt"), "secret");
        var server = new SiteServer(site.Site, 1);

        Assert.Null(server.Resolve(path));
        Assert.EndsWith("index.html", server.Resolve("/"), StringComparison.Ordinal);
        Assert.EndsWith("2026-02-10.html", server.Resolve("/hostile/2026-02-10.html"), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
