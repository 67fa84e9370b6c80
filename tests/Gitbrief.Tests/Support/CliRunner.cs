using System.Diagnostics;
using System.Text;

namespace Gitbrief.Tests.Support;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs the built gitbrief command line as a real process (<c>dotnet gitbrief.dll …</c>).</summary>
public static class CliRunner
{
    /// <summary>Variables removed from the child's environment unless the caller sets them.</summary>
    private static readonly string[] Scrubbed = ["GITHUB_TOKEN", "TOKEN", "GITBRIEF_CACHE_DIR", "XDG_CACHE_HOME", "LLM_API_KEY", "LLM_MODEL", "LLM_BASE_URL", "GITBRIEF_STORE", "GITBRIEF_STORE_PASSWORD", "PGPASSWORD"];

    /// <summary>The CLI as built in its own output directory (with its own dependency set, not the test
    /// project's, which carries ASP.NET Core for the simulators). GITBRIEF_TEST_CLI names another build's
    /// gitbrief.dll, e.g. to see the command-line tests fail against the code before a fix.</summary>
    public static string GitbriefDll { get; } = FindCli();

    private static string FindCli()
    {
        if (Environment.GetEnvironmentVariable("GITBRIEF_TEST_CLI") is { Length: > 0 } other)
        {
            return other;
        }
        var baseDirectory = AppContext.BaseDirectory;
        var marker = Path.Combine("tests", "Gitbrief.Tests", "bin");
        var index = baseDirectory.LastIndexOf(marker, StringComparison.Ordinal);
        if (index >= 0)
        {
            var own = Path.Combine(baseDirectory[..index], "src", "Gitbrief.Cli", "bin", baseDirectory[(index + marker.Length)..].Trim(Path.DirectorySeparatorChar), "gitbrief.dll");
            if (File.Exists(own))
            {
                return own;
            }
        }
        return Path.Combine(baseDirectory, "gitbrief.dll");
    }

    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunWrapped(workingDirectory, environment, [], arguments);

    /// <summary>Runs the CLI through <paramref name="wrapper"/> (a command that ends by executing its arguments, such as
    /// <c>unshare -rm sh -c 'mount … &amp;&amp; exec "$@"' sh</c>).</summary>
    public static CliResult RunWrapped(string workingDirectory, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> wrapper, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, wrapper, arguments)) ?? throw new InvalidOperationException("cannot start dotnet");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliResult(process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    /// <summary>Starts the CLI and returns at once: the caller watches its stderr while it runs.</summary>
    public static RunningCli Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        new(Process.Start(StartInfo(workingDirectory, environment, [], arguments)) ?? throw new InvalidOperationException("cannot start dotnet"));

    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> wrapper, string[] arguments)
    {
        var start = new ProcessStartInfo(wrapper.Count > 0 ? wrapper[0] : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var part in wrapper.Skip(1).Concat(wrapper.Count > 0 ? ["dotnet"] : []))
        {
            start.ArgumentList.Add(part);
        }
        start.ArgumentList.Add(GitbriefDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        GitProcess.Isolate(start.Environment);
        foreach (var name in Scrubbed)
        {
            start.Environment.Remove(name);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }
        return start;
    }

    public static CliResult Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, arguments);
}
