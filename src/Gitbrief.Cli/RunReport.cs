using Gitbrief.Pipeline;

namespace Gitbrief.Cli;

/// <summary>Prints the outcome of a run: Markdown to stdout for a dry run, one line per repository on stderr.</summary>
internal static class RunReport
{
    public static async Task PrintAsync(RunSummary summary, ReportRequest request, bool quiet)
    {
        var stdout = Console.Out;
        stdout.NewLine = "\n";
        foreach (var outcome in summary.Repositories)
        {
            if (request.DryRun)
            {
                foreach (var report in outcome.Reports)
                {
                    await stdout.WriteAsync(report.Markdown);
                }
            }
            if (outcome.Error is not null)
            {
                await Console.Error.WriteLineAsync($"gitbrief: error: {outcome.Repository}: {outcome.Error}");
            }
            else if (!quiet)
            {
                var commits = outcome.Reports.Sum(r => r.Commits);
                var where = request.DryRun
                    ? "(dry run, nothing written)"
                    : outcome.Reports.Count == 1
                        ? "→ " + Relative(outcome.Reports[0].Files.FirstOrDefault())
                        : $"→ {outcome.Reports.Count} daily reports in {Relative(request.OutputDirectory)}";
                await Console.Error.WriteLineAsync($"{outcome.Repository}: {commits} commit(s), {Days(outcome)} {where}");
            }
        }
        await stdout.FlushAsync();
    }

    private static string Days(RepositoryOutcome outcome) =>
        outcome.Reports.Count == 1
            ? outcome.Reports[0].Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : $"{outcome.Reports.Count} days";

    private static string Relative(string? path) =>
        path is null ? string.Empty : Path.GetRelativePath(Environment.CurrentDirectory, path);
}
