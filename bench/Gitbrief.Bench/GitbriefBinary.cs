using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Gitbrief.Bench;

/// <summary>The gitbrief executable under test and how it was built.</summary>
internal sealed record GitbriefBinary(string Executable, string Variant, string Note)
{
    /// <summary>Publishes src/Gitbrief.Cli as Native AOT into bench/out/gitbrief-aot, unless the binary there
    /// is newer than every source file (or <paramref name="force"/>). If the AOT publish fails, falls back
    /// to a framework-dependent Release publish in bench/out/gitbrief-fdd.</summary>
    public static async Task<GitbriefBinary> PrepareAsync(BenchPaths paths, bool force)
    {
        var aotDirectory = Path.Combine(paths.Out, "gitbrief-aot");
        var aot = Path.Combine(aotDirectory, "gitbrief");
        if (!force && File.Exists(aot) && File.GetLastWriteTimeUtc(aot) > NewestSource(paths.Root))
        {
            return new GitbriefBinary(aot, "Native AOT", "up to date, not republished");
        }

        var rid = RuntimeInformation.RuntimeIdentifier;
        Console.Error.WriteLine($"publishing gitbrief (Native AOT, {rid}) into {paths.Show(aotDirectory)} …");
        var stopwatch = Stopwatch.StartNew();
        var published = await ProcessRunner.RunAsync("dotnet",
            ["publish", "src/Gitbrief.Cli", "-c", "Release", "-r", rid, "-p:PublishAot=true", "-o", aotDirectory, "--nologo"],
            paths.Root).ConfigureAwait(false);
        if (published.ExitCode == 0 && File.Exists(aot))
        {
            File.SetLastWriteTimeUtc(aot, DateTime.UtcNow);
            return new GitbriefBinary(aot, "Native AOT", $"published in {stopwatch.Elapsed.TotalSeconds:0} s");
        }

        var reason = LastLine(published.Output + "\n" + published.Error);
        Console.Error.WriteLine($"Native AOT publish failed ({reason}); falling back to a framework-dependent Release build");
        var fallbackDirectory = Path.Combine(paths.Out, "gitbrief-fdd");
        (await ProcessRunner.RunAsync("dotnet",
            ["publish", "src/Gitbrief.Cli", "-c", "Release", "-p:PublishAot=false", "-o", fallbackDirectory, "--nologo"],
            paths.Root).ConfigureAwait(false)).EnsureSuccess("dotnet publish (framework-dependent)");
        return new GitbriefBinary(Path.Combine(fallbackDirectory, "gitbrief"), "framework-dependent Release (JIT)",
            $"FALLBACK: Native AOT publish failed: {reason}");
    }

    private static DateTime NewestSource(string root)
    {
        var inputs = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Append(Path.Combine(root, "Directory.Build.props"))
            .Append(Path.Combine(root, "global.json"))
            .Where(File.Exists);
        return inputs.Max(File.GetLastWriteTimeUtc);
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
        ?? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
        ?? "no output";
}
