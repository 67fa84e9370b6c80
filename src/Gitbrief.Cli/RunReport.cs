using System.Globalization;
using Gitbrief.Pipeline;

namespace Gitbrief.Cli;

/// <summary>Prints the outcome of a run: Markdown to stdout for a dry run, one line per repository on stderr.</summary>
internal static class RunReport
{
    public static async Task PrintAsync(RunSummary summary, ReportRequest request, bool quiet, TimeSpan elapsed)
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
                continue;
            }
            foreach (var failure in outcome.FailedDays)
            {
                await Console.Error.WriteLineAsync($"gitbrief: error: {outcome.Repository}: {Iso(failure.Day)} not reported: {failure.Reason}");
            }
            if (!quiet || outcome.FailedDays.Count > 0)
            {
                // A day written in two languages counts once.
                var commits = outcome.Reports.GroupBy(r => r.Day).Sum(d => d.First().Commits);
                var where = request.DryRun
                    ? "(dry run, nothing written)"
                    : outcome.Reports.Count == 1
                        ? "→ " + Relative(outcome.Reports[0].Files.FirstOrDefault())
                        : $"→ {outcome.Reports.Count} daily reports in {Relative(request.OutputDirectory)}";
                var failed = outcome.FailedDays.Count == 0
                    ? ""
                    : $"; {outcome.FailedDays.Count} day(s) not reported ({string.Join(", ", outcome.FailedDays.Select(f => Iso(f.Day)))})";
                await Console.Error.WriteLineAsync($"{outcome.Repository}: {commits} commit(s), {Days(outcome)} {where}{failed}");
            }
            foreach (var partial in outcome.Reports.Where(r => r.Partial && !request.DryRun && !quiet))
            {
                await Console.Error.WriteLineAsync($"{outcome.Repository}: {Iso(partial.Day)} is not over yet: its report is marked partial");
            }
        }
        await stdout.FlushAsync();
        foreach (var target in summary.Targets)
        {
            if (target.Error is not null)
            {
                await Console.Error.WriteLineAsync($"gitbrief: error: publish {target.Target}: {target.Error}");
            }
            else if (!quiet)
            {
                var heldBack = target.HeldBack.Count == 0
                    ? ""
                    : $", {target.HeldBack.Count} held back (day not over: {string.Join(", ", target.HeldBack)}; --allow-partial sends it now, the next run after the day ends sends it)";
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"publish {target.Target}: {target.Delivered} delivered, {target.Updated} updated, {target.Skipped} already there{heldBack}"));
            }
        }
        if (summary.Llm is { } usage)
        {
            var errors = Console.Error;
            if (!quiet || summary.LlmFallbacks.Count > 0)
            {
                await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"llm: {usage.Requests} request(s), {usage.InputTokens:N0} input / {usage.OutputTokens:N0} output tokens, {usage.CacheHits} cache hit(s), {usage.Retries} retr{(usage.Retries == 1 ? "y" : "ies")}, {summary.LlmFallbacks.Count} fallback(s), {elapsed.TotalSeconds:0.0} s"));
            }
            foreach (var fallback in summary.LlmFallbacks)
            {
                // The subject holds a commit title: shown without bidirectional controls, like every rendered text.
                await errors.WriteLineAsync(Gitbrief.Rendering.BidiControls.Strip(
                    $"gitbrief: warning: LLM analysis failed, rules analysis used: {fallback.Repository} {fallback.Subject}: {fallback.Reason}"));
            }
            if (summary.LlmFallbacks.Count > 0)
            {
                await errors.WriteLineAsync($"gitbrief: {summary.LlmFallbacks.Count} LLM fallback(s); run the same command again to retry exactly those (exit code {ExitCodes.LlmFallback})");
            }
        }
    }

    private static string Days(RepositoryOutcome outcome)
    {
        var days = outcome.Reports.Select(r => r.Day).Distinct().ToList();
        return days.Count == 1 ? Iso(days[0]) : $"{days.Count} days";
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Relative(string? path) =>
        path is null ? string.Empty : Path.GetRelativePath(Environment.CurrentDirectory, path);
}
