using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gitbrief.Tests.Support;

/// <summary>A running <c>gitbrief serve</c> on a free port, answering (polled until it does), killed on dispose.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServeProcess(Process process, string url, string firstLine)
    {
        this.process = process;
        Url = url;
        FirstLine = firstLine;
    }

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(5) };

    public string Url { get; }

    /// <summary>What serve printed first on stdout.</summary>
    public string FirstLine { get; }

    public static async Task<ServeProcess> StartAsync(string workingDirectory, string siteDirectory)
    {
        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { CliRunner.GitbriefDll, "serve", "--port", port, "--dir", siteDirectory })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        var url = $"http://127.0.0.1:{port}/";
        var line = await process.StandardOutput.ReadLineAsync() ?? string.Empty;
        var serve = new ServeProcess(process, url, line);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail("serve exited: " + await process.StandardError.ReadToEndAsync());
            }
            try
            {
                (await serve.Client.GetAsync(url)).Dispose();
                return serve;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
