using System.Globalization;
using System.Text;

namespace Gitbrief.Bench;

/// <summary>bench/out/burst-repo: <see cref="Commits"/> small commits on <see cref="Day"/> (a release day of a busy
/// repository: each changes a few lines of one of 40 source files), for the LLM row "123 commits, 32 in flight".
/// Generated with one <c>git fast-import</c> stream, kept while its version stamp matches.</summary>
internal static class BurstDayRepository
{
    public const string Version = "gitbrief-bench-burst v1";
    public const int Commits = 123;
    public static readonly DateOnly Day = new(2025, 3, 12);

    public static Task<GeneratedRepository> EnsureAsync(string outDirectory, bool force) =>
        CachedRepository.EnsureAsync(outDirectory, "burst-repo", Version, force, async directory =>
        {
            await CachedRepository.FastImportAsync(directory, WriteHistory).ConfigureAwait(false);
            await ProcessRunner.GitAsync(directory, "reset", "-q", "--hard", "main").ConfigureAwait(false);
        });

    private static void WriteHistory(Stream output)
    {
        var start = new DateTimeOffset(Day.AddDays(-1).ToDateTime(new TimeOnly(18, 0)), TimeSpan.FromHours(8));
        WriteCommit(output, start, "chore: import the service\n", Enumerable.Range(0, 40).Select(f => (f, 0)));
        for (var i = 1; i <= Commits; i++)
        {
            // 09:00 to 22:00 of the day, every six minutes.
            var time = new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).AddMinutes(6 * i);
            var kind = (i % 5) switch { 0 => "fix", 1 => "feat", 2 => "refactor", 3 => "perf", _ => "docs" };
            WriteCommit(output, time, $"{kind}(service{i % 40}): change {i} of the release\n\nWhy it matters, in a sentence or two.\n", [(i % 40, i)]);
        }
        RepositoryGenerator.Write(output, "done\n");
    }

    private static void WriteCommit(Stream output, DateTimeOffset time, string message, IEnumerable<(int File, int Revision)> files)
    {
        WideCommitRepository.WriteCommitHeader(output, time, message);
        foreach (var (file, revision) in files)
        {
            var lines = string.Concat(Enumerable.Range(0, 60).Select(l =>
                l % 20 == revision % 20 ? $"    value_{l} = compute({revision}, {l})\n" : $"    value_{l} = {l}\n"));
            RepositoryGenerator.Write(output, $"M 100644 inline src/service{file:00}/handler.py\n");
            RepositoryGenerator.WriteData(output, Encoding.UTF8.GetBytes($"def handle():\n{lines}    return value_0\n"));
        }
        RepositoryGenerator.Write(output, "\n");
    }
}
