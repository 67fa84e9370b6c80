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

    /// <summary>Analyses one commit (at most twice the concurrency being prepared or sent at once); the result replaces
    /// the rules analysis in <paramref name="analyses"/> and its cost goes into <paramref name="usage"/>.</summary>
    private async Task AnalyzeAsync(LlmRepository repository, CommitRecord commit, Dictionary<string, AnalyzedCommit> analyses,
        Dictionary<string, LlmUsage> usage, CancellationToken cancellationToken)
    {
        AnalyzedCommit rules;
        lock (analyses)
        {
            rules = analyses[commit.Sha];
        }
        await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        LlmOutcome outcome;
        try
        {
            outcome = await analyzer.AnalyzeAsync(repository, commit, rules, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            pending.Release();
        }
        lock (analyses)
        {
            analyses[commit.Sha] = outcome.Analyzed;
            usage[commit.Sha] = outcome.Usage;
        }
        Record(outcome.Usage, outcome.FallbackReason is { } reason
            ? new LlmFallback(repository.DisplayName, $"{commit.ShortSha} {Shorten(commit.Title)}", reason)
            : null);
    }

    /// <summary>A day's highlights and themes: the rules find the themes, one request writes the highlights and names the
    /// themes (null highlights where the request failed: the rules highlights stay; a theme the model did not name keeps
    /// its rules title). Called once the day's commits of <see cref="AnsweredFirst"/> have their LLM analysis; the others
    /// are read with the rules analysis.</summary>
    private async Task<LlmDay> HighlightsAsync(
        LlmRepository repository, IGrouping<DateOnly, CommitRecord> day, IReadOnlyList<string> answeredFirst, Dictionary<string, AnalyzedCommit> analyses,
        IReadOnlyDictionary<string, AnalyzedCommit> rules, CancellationToken cancellationToken)
    {
        Dictionary<string, AnalyzedCommit> of;
        lock (analyses)
        {
            of = day.GroupBy(c => c.Sha, StringComparer.Ordinal).ToDictionary(g => g.Key, g => analyses[g.Key], StringComparer.Ordinal);
        }
        foreach (var late in day.Select(c => c.Sha).Except(answeredFirst, StringComparer.Ordinal))
        {
            // Whether it is answered yet or not, the same input for the same day whatever the timing (the store keeps the
            // answer under the input's hash): the rules analysis.
            of[late] = rules[late];
        }
        // Muted commits (a reader's watch rule) never make the highlights.
        var commits = day
            .Where(c => !of[c.Sha].Importance.Muted)
            .Select(c => (c.Title, of[c.Sha].Importance.Level, of[c.Sha].Analysis.Summary.FirstOrDefault() ?? ""))
            .ToList();
        // The report's order (newest first), so the rules find the same themes the report builder would.
        var entries = day.OrderByDescending(c => c.CommittedAt)
            .Select(c => new ReportEntry { Commit = c, Files = of[c.Sha].Files, Importance = of[c.Sha].Importance, Analysis = of[c.Sha].Analysis })
            .ToList();
        var themes = ThemeFinder.Find(entries, repository.DisplayName);
        var titles = entries.GroupBy(e => e.Commit.Sha, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Commit.Title, StringComparer.Ordinal);
        var drafts = themes.Select(t => new ThemeDraft(t.Title, t.Level, t.Commits.Select(sha => titles[sha]).ToList())).ToList();
        var answer = await analyzer.HighlightsAsync(repository, day.Key, commits, drafts, cancellationToken).ConfigureAwait(false);
        Record(answer.Usage, answer.Failure is null ? null : new LlmFallback(repository.DisplayName, $"highlights {day.Key:yyyy-MM-dd}", answer.Failure));
        var named = themes
            .Select((theme, i) => answer.ThemeNames.TryGetValue(i + 1, out var name) ? theme with { Title = name.Title, Summary = name.Summary } : theme)
            .ToList();
        return new LlmDay(answer.Highlights, named, answer.Usage);
    }

    /// <summary>Runs the whole stage for one repository's window: every commit analysed concurrently (the results replace
    /// the rules analyses in <paramref name="analyses"/>), and each day's highlights request sent as soon as the day's
    /// commits it waits for (<see cref="AnsweredFirst"/>) are answered — beside the day's last round rather than one round
    /// after it, and a backfill never waits for the whole window before its first day's highlights.</summary>
    public async Task<LlmRepositoryResult> RunAsync(
        LlmRepository repository, IReadOnlyList<CommitRecord> commits, ILookup<DateOnly, CommitRecord> byDay,
        Dictionary<string, AnalyzedCommit> analyses, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var usage = new Dictionary<string, LlmUsage>(StringComparer.Ordinal);
        Dictionary<string, AnalyzedCommit> rules;
        lock (analyses)
        {
            rules = new Dictionary<string, AnalyzedCommit>(analyses, StringComparer.Ordinal);
        }
        var analysed = commits
            .GroupBy(c => c.Sha, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => AnalyzeAsync(repository, g.First(), analyses, usage, cancellationToken), StringComparer.Ordinal);
        var days = byDay.Select(async day =>
        {
            var first = AnsweredFirst(day, client.Options.Settings.MaxConcurrency);
            await Task.WhenAll(first.Select(sha => analysed.TryGetValue(sha, out var task) ? task : Task.CompletedTask)).ConfigureAwait(false);
            return (day.Key, Day: await HighlightsAsync(repository, day, first, analyses, rules, cancellationToken).ConfigureAwait(false));
        }).ToList();
        await Task.WhenAll(analysed.Values).ConfigureAwait(false);
        var highlights = (await Task.WhenAll(days).ConfigureAwait(false)).ToDictionary(d => d.Key, d => d.Day);
        return new LlmRepositoryResult(Model, usage, highlights, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The day's commits whose LLM analysis its highlights wait for: all of them, but the last round's when it is
    /// not full (the commits beyond the last multiple of <paramref name="concurrency"/>, at most half the day), which go in
    /// with their rules analysis so that the day request fills an idle slot of that round instead of taking one more.
    /// Fixed by the day and the concurrency, never by timing: a day run again asks with the same input, and finds the
    /// answer in the store.</summary>
    internal static IReadOnlyList<string> AnsweredFirst(IEnumerable<CommitRecord> day, int concurrency)
    {
        var shas = day.Select(c => c.Sha).Distinct(StringComparer.Ordinal).ToList();
        var late = shas.Count % Math.Max(1, concurrency);
        return late <= shas.Count / 2 ? shas[..^late] : shas;
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
