using System.CommandLine;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Gitbrief.Common;
using Gitbrief.Site;

namespace Gitbrief.Cli;

/// <summary><c>gitbrief serve</c>: serves a built site on 127.0.0.1 until Ctrl+C. The JIT build serves in-process; the
/// Native AOT build runs <c>gitbrief-serve</c>, installed beside it, so that Kestrel is not compiled into the binary
/// every other command starts.</summary>
internal static class ServeCommand
{
    private const string InProcessSwitch = "Gitbrief.Cli.ServeInProcess";

    /// <summary>False in the Native AOT build (Gitbrief.Cli.csproj sets the switch, and the compiler then leaves
    /// <see cref="SiteServer"/> and ASP.NET Core out of the binary).</summary>
    [FeatureSwitchDefinition(InProcessSwitch)]
    private static bool ServeInProcess => !AppContext.TryGetSwitch(InProcessSwitch, out var enabled) || enabled;

    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1. Default: 8000.", DefaultValueFactory = _ => 8000 };
        var directory = new Option<string>("--dir") { Description = "The site directory. Default: site." };
        var command = new Command("serve", "Serve the static site on http://127.0.0.1 (Ctrl+C stops).");
        command.Options.Add(port);
        command.Options.Add(directory);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var number = parse.GetValue(port);
            if (number is < 1 or > 65535)
            {
                throw new UsageException($"--port must be between 1 and 65535, not {number}");
            }
            var root = Path.GetFullPath(parse.GetValue(directory) ?? "site");
            if (!Directory.Exists(root))
            {
                throw new UsageException($"site directory not found: {root} (build it with 'gitbrief site --out {parse.GetValue(directory) ?? "site"}')");
            }
            if (!ServeInProcess)
            {
                return await RunHostAsync(root, number, cancellationToken);
            }
            await new SiteServer(root, number).RunAsync(url => Console.WriteLine($"Serving {root} at {url} (Ctrl+C to stop)"), cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>Runs gitbrief-serve from gitbrief's own directory with the same terminal; its exit code is serve's.</summary>
    private static async Task<int> RunHostAsync(string root, int port, CancellationToken cancellationToken)
    {
        var host = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "gitbrief-serve.exe" : "gitbrief-serve");
        if (!File.Exists(host))
        {
            throw new EnvironmentException($"{host} is missing: serve needs it beside gitbrief; install again with ./install.sh");
        }
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", root })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new EnvironmentException($"cannot start {host}");
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C reaches both processes from the terminal; a stop that reached only this one ends the server too.
            if (!process.HasExited)
            {
                process.Kill();
            }
            await process.WaitForExitAsync(CancellationToken.None);
            return 0;
        }
    }
}
