using System.Diagnostics;

namespace Gitbrief.Bench;

/// <summary>A gitbrief build under test: the command that starts it (<paramref name="FileName"/> and the
/// arguments before gitbrief's own, e.g. <c>dotnet gitbrief.dll</c>), what it is and how it was built.</summary>
internal sealed record GitbriefBinary(string FileName, IReadOnlyList<string> Prefix, string Variant, string Note)
{
    /// <summary>The file that holds the build: the executable, or the .dll that <c>dotnet</c> runs.</summary>
    public string Executable => Prefix.Count > 0 ? Prefix[^1] : FileName;

    public Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        bool captureOutput = true,
        IReadOnlyDictionary<string, string>? environment = null,
        bool samplePeakMemory = false) =>
        ProcessRunner.RunAsync(FileName, [.. Prefix, .. arguments], workingDirectory, captureOutput,
            environment: environment, samplePeakMemory: samplePeakMemory);

    /// <summary>What users install: <c>./install.sh --tool-path bench/out/gitbrief-tool</c> (the Native AOT .NET
    /// tool), unless the tool there is newer than every source file (or <paramref name="force"/>). If the
    /// install fails, falls back to the JIT build and says so in <see cref="Note"/>.</summary>
    public static async Task<GitbriefBinary> InstalledAsync(BenchPaths paths, bool force)
    {
        var toolPath = Path.Combine(paths.Out, "gitbrief-tool");
        var tool = Path.Combine(toolPath, "gitbrief");
        const string variant = "installed: Native AOT .NET tool (install.sh)";
        if (!force && IsUpToDate(tool, paths.Root))
        {
            return new GitbriefBinary(tool, [], variant, "up to date, not reinstalled");
        }

        Console.Error.WriteLine($"installing gitbrief with ./install.sh --tool-path {paths.Show(toolPath)} …");
        var stopwatch = Stopwatch.StartNew();
        var installed = await ProcessRunner.RunAsync(Path.Combine(paths.Root, "install.sh"), ["--tool-path", toolPath], paths.Root).ConfigureAwait(false);
        if (installed.ExitCode == 0 && File.Exists(tool))
        {
            Touch(tool);
            return new GitbriefBinary(tool, [], variant, $"installed in {stopwatch.Elapsed.TotalSeconds:0} s");
        }

        var reason = LastLine(installed.Output + "\n" + installed.Error);
        Console.Error.WriteLine($"install.sh failed ({reason}); falling back to the JIT build");
        var jit = await JitAsync(paths, force).ConfigureAwait(false);
        return jit with { Note = $"FALLBACK: install.sh failed: {reason}" };
    }

    /// <summary>The JIT build: a framework-dependent Release publish in bench/out/gitbrief-jit, run as
    /// <c>dotnet gitbrief.dll</c> (what <c>dotnet run</c> and a plain <c>dotnet publish</c> give).</summary>
    public static async Task<GitbriefBinary> JitAsync(BenchPaths paths, bool force)
    {
        var directory = Path.Combine(paths.Out, "gitbrief-jit");
        var dll = Path.Combine(directory, "gitbrief.dll");
        const string variant = "JIT: framework-dependent, dotnet gitbrief.dll";
        if (!force && IsUpToDate(dll, paths.Root))
        {
            return new GitbriefBinary("dotnet", [dll], variant, "up to date, not republished");
        }

        Console.Error.WriteLine($"publishing gitbrief (framework-dependent) into {paths.Show(directory)} …");
        var stopwatch = Stopwatch.StartNew();
        (await ProcessRunner.RunAsync("dotnet",
            ["publish", "src/Gitbrief.Cli", "-c", "Release", "-p:PublishAot=false", "-o", directory, "--nologo"],
            paths.Root).ConfigureAwait(false)).EnsureSuccess("dotnet publish (framework-dependent)");
        Touch(dll);
        return new GitbriefBinary("dotnet", [dll], variant, $"published in {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>gitbrief-server as docs/scaling.md publishes it: framework-dependent for linux-x64, ReadyToRun (the
    /// project turns it on when a runtime is given), in bench/out/gitbrief-server; returns its .dll.</summary>
    public static async Task<string> ServerAsync(BenchPaths paths, bool force)
    {
        var directory = Path.Combine(paths.Out, "gitbrief-server");
        var dll = Path.Combine(directory, "gitbrief-server.dll");
        if (!force && IsUpToDate(dll, paths.Root))
        {
            return dll;
        }
        Console.Error.WriteLine($"publishing gitbrief-server (linux-x64, ReadyToRun) into {paths.Show(directory)} …");
        (await ProcessRunner.RunAsync("dotnet",
            ["publish", "src/Gitbrief.Server", "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", directory, "--nologo"],
            paths.Root).ConfigureAwait(false)).EnsureSuccess("dotnet publish src/Gitbrief.Server");
        Touch(dll);
        return dll;
    }

    private static bool IsUpToDate(string file, string root) => File.Exists(file) && File.GetLastWriteTimeUtc(Resolve(file)) > NewestSource(root);

    /// <summary>Marks a build as made now.</summary>
    private static void Touch(string file) => File.SetLastWriteTimeUtc(Resolve(file), DateTime.UtcNow);

    /// <summary>The file itself, not the symbolic link to it that a tool's command is.</summary>
    private static string Resolve(string file) => new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file;

    private static DateTime NewestSource(string root)
    {
        var inputs = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Append(Path.Combine(root, "Directory.Build.props"))
            .Append(Path.Combine(root, "global.json"))
            .Append(Path.Combine(root, "install.sh"))
            .Where(File.Exists);
        return inputs.Max(File.GetLastWriteTimeUtc);
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
        ?? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
        ?? "no output";
}
