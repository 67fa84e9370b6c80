using System.Diagnostics;
using System.Text;

namespace Gitbrief.Tests.Support;

/// <summary>A command line started in the background: its stderr can be watched while it runs.</summary>
public sealed class RunningCli : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stderr = new();
    private readonly Task<string> stdout;

    internal RunningCli(Process process)
    {
        this.process = process;
        process.StandardInput.Close();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (stderr)
                {
                    stderr.Append(line.Data).Append('\n');
                }
            }
        };
        process.BeginErrorReadLine();
        stdout = process.StandardOutput.ReadToEndAsync();
    }

    public bool HasExited => process.HasExited;

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>Polls stderr until it contains <paramref name="text"/>; fails the test after <paramref name="within"/>.</summary>
    public async Task WaitForStderrAsync(string text, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Stderr.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"stderr never said \"{text}\" within {within.TotalSeconds:0} s; it said:\n{Stderr}");
            Assert.False(process.HasExited, $"the run ended before saying \"{text}\"; it said:\n{Stderr}");
            await Task.Delay(50);
        }
    }

    public async Task<CliResult> WaitForExitAsync()
    {
        await process.WaitForExitAsync();
        var output = await stdout;
        process.WaitForExit();
        return new CliResult(process.ExitCode, output, Stderr);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }
}
