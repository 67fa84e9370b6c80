using System.Diagnostics;
using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Reports;
using Gitbrief.Reports.Themes;
using Gitbrief.Sources;
using Gitbrief.Store;

namespace Gitbrief.Pipeline;

/// <summary>The LLM stage of a run, shared by every repository (one client, one throttle, one retry budget):
/// analyses a repository's commits concurrently, writes each day's highlights and names its themes, and keeps the run's totals
/// and the list of fallbacks.</summary>
internal sealed class LlmStage : IAsyncDisposable
{
    private readonly LlmClient client;
    private readonly LlmAnalyzer analyzer;
    private readonly SemaphoreSlim pending;
    private readonly Lock gate = new();
    private readonly List<LlmFallback> fallbacks = [];
    private LlmUsage total = LlmUsage.None;

    public LlmStage(LlmOptions options, IAnalysisCache? store, ReportLanguage language)
    {
        // Loading the tokenizer's vocabulary takes a moment: do it while git is read.
        _ = Task.Run(() => TokenCounter.Default.Count("warm up"));
        client = new LlmClient(options);
        analyzer = new LlmAnalyzer(client, store, language);
        // Commits being prepared (cache lookup, git show, prompt) or sent: enough to keep every slot busy.
        pending = new SemaphoreSlim(Math.Max(2, options.Settings.MaxConcurrency * 2));
    }

    public string Model => client.Options.Model;

    public LlmUsage Total
    {
        get
        {
            lock (gate)
            {
                return total;
            }
        }
    }

    /// <summary>Every fallback of the run, in a stable order.</summary>
    public IReadOnlyList<LlmFallback> Fallbacks
    {
        get
        {
            lock (gate)
            {
                return fallbacks.OrderBy(f => f.Repository, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Analyses every commit; the results replace the rules analyses in <paramref name="analyses"/>.
    /// Returns what each commit cost, by sha.</summary>
    public async Task<Dictionary<string, LlmUsage>> AnalyzeAsync(
        LlmRepository repository, IReadOnlyList<CommitRecord> commits, Dictionary<string, AnalyzedCommit> analyses, CancellationToken cancellationToken)
    {
        var tasks = commits.Select(async commit =>
        {
            await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return (commit, await analyzer.AnalyzeAsync(repository, commit, analyses[commit.Sha], cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                pending.Release();
            }
        }).ToList();
        var usage = new Dictionary<string, LlmUsage>(StringComparer.Ordinal);
        foreach (var (commit, outcome) in await Task.WhenAll(tasks).ConfigureAwait(false))
        {
            analyses[commit.Sha] = outcome.Analyzed;
            usage[commit.Sha] = outcome.Usage;
            Record(outcome.Usage, outcome.FallbackReason is { } reason
                ? new LlmFallback(repository.DisplayName, $"{commit.ShortSha} {Shorten(commit.Title)}", reason)
                : null);
        }
        return usage;
    }

    /// <summary>The highlights and themes of each day with commits: the rules find the themes, one request per day writes
    /// the highlights and names the themes (null highlights where the request failed: the rules highlights stay; a
    /// theme the model did not name keeps its rules title).</summary>
    public async Task<Dictionary<DateOnly, LlmDay>> HighlightsAsync(
        LlmRepository repository, IEnumerable<IGrouping<DateOnly, CommitRecord>> days, Dictionary<string, AnalyzedCommit> analyses,
        CancellationToken cancellationToken)
    {
        var tasks = days.Select(async day =>
        {
            // Muted commits (a reader's watch rule) never make the highlights.
            var commits = day
                .Where(c => !analyses[c.Sha].Importance.Muted)
                .Select(c => (c.Title, analyses[c.Sha].Importance.Level, analyses[c.Sha].Analysis.Summary.FirstOrDefault() ?? ""))
                .ToList();
            // The report's order (newest first), so the rules find the same themes the report builder would.
            var entries = day.OrderByDescending(c => c.CommittedAt)
                .Select(c => new ReportEntry { Commit = c, Files = analyses[c.Sha].Files, Importance = analyses[c.Sha].Importance, Analysis = analyses[c.Sha].Analysis })
                .ToList();
            var themes = ThemeFinder.Find(entries, repository.DisplayName);
            var titles = entries.GroupBy(e => e.Commit.Sha, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Commit.Title, StringComparer.Ordinal);
            var drafts = themes.Select(t => new ThemeDraft(t.Title, t.Level, t.Commits.Select(sha => titles[sha]).ToList())).ToList();
            var answer = await analyzer.HighlightsAsync(repository, day.Key, commits, drafts, cancellationToken).ConfigureAwait(false);
            Record(answer.Usage, answer.Failure is null ? null : new LlmFallback(repository.DisplayName, $"highlights {day.Key:yyyy-MM-dd}", answer.Failure));
            var named = themes
                .Select((theme, i) => answer.ThemeNames.TryGetValue(i + 1, out var name) ? theme with { Title = name.Title, Summary = name.Summary } : theme)
                .ToList();
            return (day.Key, new LlmDay(answer.Highlights, named, answer.Usage));
        }).ToList();
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        return results.ToDictionary(r => r.Key, r => r.Item2);
    }

    /// <summary>Runs the whole stage for one repository's window; returns the per-day highlights and costs.</summary>
    public async Task<LlmRepositoryResult> RunAsync(
        LlmRepository repository, IReadOnlyList<CommitRecord> commits, ILookup<DateOnly, CommitRecord> byDay,
        Dictionary<string, AnalyzedCommit> analyses, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var usage = await AnalyzeAsync(repository, commits, analyses, cancellationToken).ConfigureAwait(false);
        var highlights = await HighlightsAsync(repository, byDay, analyses, cancellationToken).ConfigureAwait(false);
        return new LlmRepositoryResult(Model, usage, highlights, Stopwatch.GetElapsedTime(started));
    }

    private void Record(LlmUsage usage, LlmFallback? fallback)
    {
        lock (gate)
        {
            total += usage;
            if (fallback is not null)
            {
                fallbacks.Add(fallback);
            }
        }
    }

    private static string Shorten(string title) => title.Length <= 60 ? title : title[..60] + "…";

    public async ValueTask DisposeAsync()
    {
        await client.DisposeAsync().ConfigureAwait(false);
        pending.Dispose();
    }
}

/// <summary>One day's LLM results: its highlights (null when the request failed), its themes (named by the model where
/// it did) and what the day request cost.</summary>
internal sealed record LlmDay(IReadOnlyList<string>? Highlights, IReadOnlyList<ReportTheme> Themes, LlmUsage Usage);

/// <summary>The LLM stage's results for one repository: per-commit costs, per-day highlights, themes and costs.</summary>
internal sealed record LlmRepositoryResult(
    string Model,
    Dictionary<string, LlmUsage> CommitUsage,
    Dictionary<DateOnly, LlmDay> Days,
    TimeSpan WallTime)
{
    public IReadOnlyList<string>? HighlightsOf(DateOnly day) => Days.TryGetValue(day, out var d) ? d.Highlights : null;

    public IReadOnlyList<ReportTheme>? ThemesOf(DateOnly day) => Days.TryGetValue(day, out var d) ? d.Themes : null;

    public LlmRunInfo InfoOf(DateOnly day, IEnumerable<CommitRecord> commits)
    {
        var usage = commits.Aggregate(LlmUsage.None, (sum, c) => sum + CommitUsage.GetValueOrDefault(c.Sha, LlmUsage.None));
        if (Days.TryGetValue(day, out var d))
        {
            usage += d.Usage;
        }
        return new LlmRunInfo(Model, usage, WallTime);
    }
}
