using System.Diagnostics;
using System.Text;

namespace Gitbrief.Tests.Support;

/// <summary>Runs the real git executable (no shell) isolated from the user's and system's configuration.</summary>
public static class GitProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs git and fails the test when it exits non-zero. Returns stdout without the trailing newline.</summary>
    public static string Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = TryRun(workingDirectory, environment, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"git {string.Join(' ', arguments)} failed ({result.ExitCode}) in {workingDirectory}: {result.Error}");
        }
        return result.Output.TrimEnd('\n');
    }

    public static string Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, arguments);

    public static Result TryRun(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Isolate(start.Environment);
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start git");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    /// <summary>Removes the influence of global/system git configuration and of the caller's repository.</summary>
    public static void Isolate(IDictionary<string, string?> environment)
    {
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment.Remove("GIT_DIR");
        environment.Remove("GIT_WORK_TREE");
        environment.Remove("GIT_INDEX_FILE");
        environment.Remove("GIT_AUTHOR_DATE");
        environment.Remove("GIT_COMMITTER_DATE");
        environment.Remove("GIT_CONFIG_COUNT");
    }
}
