using System.Net;
using System.Net.Sockets;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Site;

/// <summary><c>gitbrief serve</c>: a real process on a free port answering on 127.0.0.1, never outside the site.</summary>
public sealed class ServeCommandTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Serve_answers_GET_slash_on_loopback()
    {
        await using var serve = await ServeProcess.StartAsync(site.Workspace.Root, site.Site);
        var response = await serve.Client.GetAsync(serve.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Gitbrief", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(serve.Url, serve.FirstLine, StringComparison.Ordinal);
        var script = await serve.Client.GetAsync(serve.Url + "assets/site.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await serve.Client.GetAsync(serve.Url + "missing.html")).StatusCode);
    }

    [Fact]
    public async Task Symbolic_links_out_of_the_site_are_not_followed()
    {
        var outside = site.Workspace.Combine("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "passwd.html"), "root:x:0:0:SECRET");
        File.CreateSymbolicLink(Path.Combine(site.Site, "passwd.html"), Path.Combine(outside, "passwd.html"));
        File.CreateSymbolicLink(Path.Combine(site.Site, "relative.html"), Path.Combine("..", "outside", "passwd.html"));
        Directory.CreateSymbolicLink(Path.Combine(site.Site, "linked-dir"), outside);
        Directory.CreateSymbolicLink(Path.Combine(site.Site, "assets", "up"), "../..");
        // A link that stays inside the site is fine.
        File.CreateSymbolicLink(Path.Combine(site.Site, "home.html"), "index.html");

        await using var serve = await ServeProcess.StartAsync(site.Workspace.Root, site.Site);

        foreach (var path in new[] { "passwd.html", "relative.html", "linked-dir/passwd.html", "linked-dir/", "assets/up/outside/passwd.html" })
        {
            var response = await serve.Client.GetAsync(serve.Url + path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
            Assert.DoesNotContain("SECRET", body, StringComparison.Ordinal);
        }
        var inside = await serve.Client.GetAsync(serve.Url + "home.html");
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Contains("Gitbrief", await inside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_in_use_is_exit_1_with_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = CliRunner.Run(site.Workspace.Root, "serve", "--port", port, "--dir", site.Site);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("gitbrief: error: ", line, StringComparison.Ordinal);
        Assert.Contains(port, line, StringComparison.Ordinal);
        Assert.Contains("in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("bug", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_outside_the_site_are_not_served()
    {
        File.WriteAllText(site.Workspace.Combine("secret.txt"), "SECRET");
        File.WriteAllText(Path.Combine(site.Site, ".hidden"), "SECRET");
        await using var serve = await ServeProcess.StartAsync(site.Workspace.Root, site.Site);
        var port = new Uri(serve.Url).Port;

        // Sent byte for byte (an HttpClient would tidy the dots away before they reach the server).
        foreach (var path in new[] { "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt", "/.hidden", "/%2ehidden" })
        {
            var (status, response) = await RawGetAsync(port, path);
            Assert.True(status is 400 or 404, $"{path}: {status}");
            Assert.DoesNotContain("SECRET", response, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await serve.Client.GetAsync(serve.Url + "hostile/2026-02-10.html")).StatusCode);
        using var post = await serve.Client.PostAsync(serve.Url, new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", post.Content.Headers.Allow));
    }

    /// <summary>A GET of <paramref name="path"/> exactly as written; the status and the whole response.</summary>
    private static async Task<(int Status, string Response)> RawGetAsync(int port, string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = client.GetStream();
        var request = $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
