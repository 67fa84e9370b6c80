using System.Diagnostics;
using System.Text;

namespace Gitbrief.Bench;

/// <summary>The outcome of one child process: exit code, wall time from start to exit (output fully
/// drained), standard output (empty when drained to null), standard error, and the peak resident set
/// size in bytes when it was sampled (0 otherwise).</summary>
internal sealed record ProcessResult(int ExitCode, TimeSpan Elapsed, string Output, string Error, long PeakMemory = 0)
{
    public ProcessResult EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}: {(Error.Trim().Length > 0 ? Error : Output).Trim()}");
}

/// <summary>Runs child processes without a shell (ArgumentList), with git's user and system
/// configuration switched off so that every git process, including those gitbrief starts, sees the
/// same settings on every machine.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        bool captureOutput = true,
        Func<Stream, Task>? writeInput = null,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? environment = null,
        bool samplePeakMemory = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment.Remove("GIT_DIR");
        start.Environment.Remove("GIT_WORK_TREE");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        var peakMemory = samplePeakMemory ? PeakMemory.SampleAsync(process) : Task.FromResult(0L);
        var output = captureOutput
            ? process.StandardOutput.ReadToEndAsync(cancellationToken)
            : Drain(process.StandardOutput.BaseStream, cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        IOException? inputFailure = null;
        if (writeInput is not null)
        {
            try
            {
                await using var input = process.StandardInput.BaseStream;
                await writeInput(input).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                inputFailure = e; // the process stopped reading: its exit code and stderr say why
            }
        }
        else
        {
            process.StandardInput.Close();
        }
        var outputText = await output.ConfigureAwait(false);
        var errorText = await error.ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        stopwatch.Stop();
        if (inputFailure is not null && process.ExitCode == 0)
        {
            throw inputFailure;
        }
        return new ProcessResult(process.ExitCode, stopwatch.Elapsed, outputText, errorText, await peakMemory.ConfigureAwait(false));
    }

    private static async Task<string> Drain(Stream stream, CancellationToken cancellationToken)
    {
        await stream.CopyToAsync(Stream.Null, 1 << 16, cancellationToken).ConfigureAwait(false);
        return string.Empty;
    }

    /// <summary>Runs git with the given arguments and returns its trimmed standard output; throws on failure.</summary>
    public static async Task<string> GitAsync(string? workingDirectory, params string[] arguments)
    {
        var result = await RunAsync("git", arguments, workingDirectory).ConfigureAwait(false);
        return result.EnsureSuccess("git " + arguments.FirstOrDefault(a => !a.StartsWith('-'))).Output.Trim();
    }
}
