using System.Diagnostics;
using System.Text;

namespace Gitbrief.Tests.Support;

/// <summary>One <c>gitbrief-server serve</c> process, as built in its own output directory; its stderr is kept. Dispose
/// stops it (SIGKILL: the tests care about what is in the database, not about a graceful end).</summary>
public sealed class FleetServer : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stderr = new();

    private FleetServer(Process process)
    {
        this.process = process;
        process.StandardInput.Close();
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public static string Dll { get; } = Locate();

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>"host:pid", as the server records itself with the units it works on.</summary>
    public string WorkerName => $"{Environment.MachineName}:{process.Id}";

    public string Output
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>Starts a server that also stops when this test process ends (killed by the hang guard, say).</summary>
    public static FleetServer Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        new(Process.Start(CliRunner.StartInfo(workingDirectory, new Dictionary<string, string>(environment) { ["GITBRIEF_SERVER_PARENT_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, [], arguments, Dll))
            ?? throw new InvalidOperationException("cannot start dotnet"));

    /// <summary>Runs a command of the server executable to its end (enqueue, status).</summary>
    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(CliRunner.StartInfo(workingDirectory, environment, [], arguments, Dll)) ?? throw new InvalidOperationException("cannot start dotnet");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliResult(process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    public async Task WaitUntilRunningAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Output.Contains(" running ", StringComparison.Ordinal))
        {
            Assert.False(process.HasExited, $"the server ended at start:\n{Output}");
            Assert.True(DateTime.UtcNow < deadline, $"the server did not start within {within.TotalSeconds:0} s:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>kill -9.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (stderr)
            {
                stderr.Append(line).Append('\n');
            }
        }
    }

    private static string Locate()
    {
        var baseDirectory = AppContext.BaseDirectory;
        var marker = Path.Combine("tests", "Gitbrief.Tests", "bin");
        var index = baseDirectory.LastIndexOf(marker, StringComparison.Ordinal);
        var dll = index < 0
            ? Path.Combine(baseDirectory, "gitbrief-server.dll")
            : Path.Combine(baseDirectory[..index], "src", "Gitbrief.Server", "bin", baseDirectory[(index + marker.Length)..].Trim(Path.DirectorySeparatorChar), "gitbrief-server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("gitbrief-server is not built (dotnet build Gitbrief.slnx)", dll);
    }
}
