using System.Diagnostics;
using System.Text;
using Gitbrief.Common;

namespace Gitbrief.Sources;

/// <summary>Runs git as a child process (no shell), capturing stdout as bytes and stderr as text.
/// Extra configuration (such as an auth header) is passed through GIT_CONFIG_* environment variables,
/// so it never appears on a command line or on disk.</summary>
internal static class GitCommand
{
    public static string Executable { get; set; } = "git";

    private const string TunablesVariable = "GLIBC_TUNABLES";
    private const string TrimThreshold = "glibc.malloc.trim_threshold";

    /// <summary>glibc's allocator gives the top of git's heap back to the kernel whenever more than 128 kB of it is free,
    /// which git's diffs (a blob inflated, diffed, freed; the next one) make happen thousands of times a read: every time
    /// the pages come back as new, zeroed ones. Kept up to 4 MiB, git's read of the bench's whole history takes ~30% less
    /// CPU, its peak memory the same (bench/README.md, "history4"). A threshold the user set stands; other allocators
    /// ignore the variable.</summary>
    internal static string WithTrimThreshold(string? tunables) =>
        string.IsNullOrEmpty(tunables) ? TrimThreshold + "=4194304"
        : tunables.Contains(TrimThreshold, StringComparison.Ordinal) ? tunables
        : tunables + ":" + TrimThreshold + "=4194304";

    public static async Task<byte[]> RunAsync(
        string? workingDirectory,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? config = null,
        bool allowFailure = false,
        string? input = null)
    {
        var result = await RunRawAsync(workingDirectory, arguments, config, cancellationToken, input).ConfigureAwait(false);
        ThrowUnlessSucceeded(arguments, result.ExitCode, result.Error, allowFailure);
        return result.ExitCode == 0 ? result.Output : [];
    }

    /// <summary>Runs git and hands its stdout to <paramref name="read"/> as it comes, so that nothing has to hold the
    /// whole output; what <paramref name="read"/> returns, or (when git failed and <paramref name="allowFailure"/>)
    /// null. When <paramref name="stoppedEarly"/> says that what was read is all that is wanted, git is killed, not waited
    /// for, and its exit does not count.</summary>
    public static async Task<T?> StreamAsync<T>(
        string? workingDirectory,
        IReadOnlyList<string> arguments,
        Func<Stream, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken,
        bool allowFailure = false,
        string? input = null,
        Func<T, bool>? stoppedEarly = null)
        where T : class
    {
        var (exitCode, output, error) = await RunCoreAsync(workingDirectory, arguments, null, read, cancellationToken, input, stoppedEarly)
            .ConfigureAwait(false);
        if (stoppedEarly is not null && stoppedEarly(output))
        {
            return output;
        }
        ThrowUnlessSucceeded(arguments, exitCode, error, allowFailure);
        return exitCode == 0 ? output : null;
    }

    private static void ThrowUnlessSucceeded(IReadOnlyList<string> arguments, int exitCode, string error, bool allowFailure)
    {
        if (exitCode != 0 && !allowFailure)
        {
            var verb = arguments.FirstOrDefault(a => !a.StartsWith('-') && a != "-c" && !a.Contains('=', StringComparison.Ordinal)) ?? "command";
            throw new RepositoryException($"git {verb} failed: {LastLine(error)}");
        }
    }

    public static async Task<string> RunTextAsync(
        string? workingDirectory,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? config = null,
        bool allowFailure = false)
    {
        var bytes = await RunAsync(workingDirectory, arguments, cancellationToken, config, allowFailure).ConfigureAwait(false);
        return Encoding.UTF8.GetString(bytes).TrimEnd('\n', '\r');
    }

    internal sealed record Result(int ExitCode, byte[] Output, string Error);

    internal static async Task<Result> RunRawAsync(
        string? workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? config,
        CancellationToken cancellationToken,
        string? input = null)
    {
        var (exitCode, output, error) = await RunCoreAsync(workingDirectory, arguments, config, ReadAllAsync, cancellationToken, input).ConfigureAwait(false);
        return new Result(exitCode, output, error);
    }

    private static async Task<(int ExitCode, T Output, string Error)> RunCoreAsync<T>(
        string? workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? config,
        Func<Stream, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken,
        string? input,
        Func<T, bool>? stoppedEarly = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["LC_ALL"] = "C";
        start.Environment["LANGUAGE"] = "C";
        // git flushes its output after every commit when stdout is a pipe: a window's list of 5,000 commits came as 5,000
        // writes of 52 bytes, each waking the reader. Every call here writes its input whole and reads the output to its
        // end (nothing waits for an answer before asking the next question), so git may buffer as it does into a file.
        start.Environment["GIT_FLUSH"] = "0";
        start.Environment[TunablesVariable] = WithTrimThreshold(start.Environment.TryGetValue(TunablesVariable, out var tunables) ? tunables : null);
        start.Environment.Remove("GIT_DIR");
        start.Environment.Remove("GIT_WORK_TREE");
        if (config is { Count: > 0 })
        {
            var index = 0;
            foreach (var (key, value) in config.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                start.Environment[$"GIT_CONFIG_KEY_{index}"] = key;
                start.Environment[$"GIT_CONFIG_VALUE_{index}"] = value;
                index++;
            }
            start.Environment["GIT_CONFIG_COUNT"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GitbriefException($"cannot run git ({Executable}): {e.Message}; is git installed and on PATH?");
        }
        using var registration = cancellationToken.Register(() => Kill(process));
        // git runs from here; its output is taken up on a pool thread, so the caller goes on at once, to start the next git
        // of a run that asks several questions at once: the first reads of a run (the pipes' asynchronous machinery set up,
        // its I/O thread started) no longer stand between one git's start and the next one's.
        await Task.Yield();
        var outputTask = read(process.StandardOutput.BaseStream, cancellationToken);
        var errorTask = process.StandardError.ReadToEndAsync(cancellationToken);
        await WriteInputAsync(process, input, cancellationToken).ConfigureAwait(false);
        T output;
        try
        {
            output = await outputTask.ConfigureAwait(false);
        }
        catch
        {
            // The reader gave up (cancelled, or the output broke its bounds): git must not be left writing to nobody.
            Kill(process);
            throw;
        }
        if (stoppedEarly is not null && stoppedEarly(output))
        {
            // git itself only: the read runs no external diff or text conversion (looking its children up lists every process).
            Kill(process, entireProcessTree: false);
        }
        var error = await errorTask.ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, output, SecretRedactor.Redact(error));
    }

    /// <summary>Writes <paramref name="input"/> (if any) to git's stdin while its output is being read, then closes it.</summary>
    private static async Task WriteInputAsync(Process process, string? input, CancellationToken cancellationToken)
    {
        try
        {
            if (input is not null)
            {
                var bytes = new UTF8Encoding(false).GetBytes(input);
                await process.StandardInput.BaseStream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // git exited early (its error is reported from stderr and the exit code)
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, 1 << 16, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static void Kill(Process process, bool entireProcessTree = true)
    {
        try
        {
            process.Kill(entireProcessTree);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    internal static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("hint:", StringComparison.Ordinal))
            .ToList();
        var fatal = lines.LastOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal));
        var line = fatal ?? lines.LastOrDefault() ?? "no error output";
        return SecretRedactor.Redact(line);
    }
}
