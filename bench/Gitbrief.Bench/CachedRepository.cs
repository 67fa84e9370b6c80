using System.Diagnostics;
using System.Globalization;

namespace Gitbrief.Bench;

/// <summary>A generated repository kept in bench/out/NAME while bench/out/NAME.version holds its generator's
/// version: generated into a temporary directory and moved into place, so an interrupted run never
/// leaves a half-made repository behind. Like a user's clone, each has an <c>origin</c> remote (never fetched): its URL
/// gives the reports their web links, and gitbrief reads it from the repository's config as it does for a clone.</summary>
internal static class CachedRepository
{
    public static async Task<GeneratedRepository> EnsureAsync(string outDirectory, string name, string version, bool force, Func<string, Task> generate)
    {
        var path = Path.Combine(outDirectory, name);
        var stampPath = Path.Combine(outDirectory, name + ".version");
        var stopwatch = Stopwatch.StartNew();
        var reused = !force && Directory.Exists(path) && File.Exists(stampPath)
            && (await File.ReadAllTextAsync(stampPath).ConfigureAwait(false)).Trim() == version;
        if (!reused)
        {
            if (File.Exists(stampPath))
            {
                File.Delete(stampPath);
            }
            foreach (var stale in Directory.EnumerateDirectories(outDirectory, name + ".tmp-*"))
            {
                Delete(stale); // left by an interrupted run
            }
            var temporary = Path.Combine(outDirectory, $"{name}.tmp-{Environment.ProcessId}");
            Directory.CreateDirectory(temporary);
            try
            {
                await generate(temporary).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                try
                {
                    Delete(temporary);
                }
                catch (IOException cleanup)
                {
                    // git may still be writing its crash report there: the failure to report is the generator's.
                    Console.Error.WriteLine($"could not delete {temporary}: {cleanup.Message}");
                }
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }
            Delete(path);
            Directory.Move(temporary, path);
            await File.WriteAllTextAsync(stampPath, version + "\n").ConfigureAwait(false);
        }
        await ProcessRunner.GitAsync(path, "config", "remote.origin.url", $"https://github.com/acme/{name}.git").ConfigureAwait(false);
        var head = await ProcessRunner.GitAsync(path, "rev-parse", "main").ConfigureAwait(false);
        var count = int.Parse(await ProcessRunner.GitAsync(path, "rev-list", "--count", "main").ConfigureAwait(false), CultureInfo.InvariantCulture);
        return new GeneratedRepository(path, head, count, reused, stopwatch.Elapsed);
    }

    /// <summary>A new repository in <paramref name="directory"/> (branch main) filled by one <c>git fast-import</c> stream.</summary>
    public static async Task FastImportAsync(string directory, Action<Stream> writeStream)
    {
        await ProcessRunner.GitAsync(directory, "init", "-q", "-b", "main").ConfigureAwait(false);
        var import = await ProcessRunner.RunAsync("git", ["fast-import", "--quiet", "--done"], directory,
            writeInput: async stream =>
            {
                await using var buffered = new BufferedStream(stream, 1 << 20);
                writeStream(buffered);
                await buffered.FlushAsync().ConfigureAwait(false);
            }).ConfigureAwait(false);
        import.EnsureSuccess("git fast-import");
    }

    private static void Delete(string directory)
    {
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal); // pack files are read-only
            }
            Directory.Delete(directory, recursive: true);
        }
    }
}
