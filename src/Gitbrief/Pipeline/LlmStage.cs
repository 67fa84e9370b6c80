using System.Diagnostics;
using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Reports;
using Gitbrief.Sources;
using Gitbrief.Store;

namespace Gitbrief.Pipeline;

/// <summary>The LLM stage of a run, shared by every repository (one client, one throttle, one retry budget):
/// analyses a repository's commits concurrently, writes each day's highlights, and keeps the run's totals
/// and the list of fallbacks.</summary>
internal sealed class LlmStage : IAsyncDisposable
{
    private readonly LlmClient client;
    private readonly LlmAnalyzer analyzer;
    private readonly SemaphoreSlim pending;
    private readonly Lock gate = new();
    private readonly List<LlmFallback> fallbacks = [];
    private LlmUsage total = LlmUsage.None;

    public LlmStage(LlmOptions options, GitbriefStore? store, ReportLanguage language)
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

    /// <summary>The highlights of each day with commits (null where the request failed: the rules highlights stay).</summary>
    public async Task<Dictionary<DateOnly, (IReadOnlyList<string>? Highlights, LlmUsage Usage)>> HighlightsAsync(
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
            var (highlights, usage, failure) = await analyzer.HighlightsAsync(repository, day.Key, commits, cancellationToken).ConfigureAwait(false);
            Record(usage, failure is null ? null : new LlmFallback(repository.DisplayName, $"highlights {day.Key:yyyy-MM-dd}", failure));
            return (day.Key, highlights, usage);
        }).ToList();
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        return results.ToDictionary(r => r.Key, r => (r.highlights, r.usage));
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

/// <summary>The LLM stage's results for one repository: per-commit costs, per-day highlights and costs.</summary>
internal sealed record LlmRepositoryResult(
    string Model,
    Dictionary<string, LlmUsage> CommitUsage,
    Dictionary<DateOnly, (IReadOnlyList<string>? Highlights, LlmUsage Usage)> Days,
    TimeSpan WallTime)
{
    public IReadOnlyList<string>? HighlightsOf(DateOnly day) => Days.TryGetValue(day, out var d) ? d.Highlights : null;

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
