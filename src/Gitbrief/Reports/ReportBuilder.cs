using System.Text.RegularExpressions;
using Gitbrief.Analysis;
using Gitbrief.Reports.Themes;
using Gitbrief.Sources;

namespace Gitbrief.Reports;

/// <summary>Builds the report of one repository-day from its commits: analyses every commit, orders them
/// newest first, picks the highlights and finds the day's themes. The report is built once and rendered into every format.</summary>
internal sealed partial class ReportBuilder(RulesAnalyzer analyzer, WebLinks links)
{
    private const int MaxHighlights = 5;

    /// <summary>Medium commits a day without a high one shows as its highlights.</summary>
    private const int MaxQuietDayHighlights = 3;

    /// <summary>A highlight is a title a reader takes in at a glance: a longer one is cut at a word, its commit keeps it whole.</summary>
    public const int MaxTitleLength = 120;

    public DailyReport Build(ReportDay day, ReportRepository repository, IEnumerable<CommitRecord> commits)
    {
        var list = commits.ToList();
        var analyses = analyzer.AnalyzeDay(list);
        return Build(day, repository, list, c => analyses[c.Sha]);
    }

    /// <summary>Builds from commits analysed elsewhere (the LLM stage); <paramref name="highlights"/> and
    /// <paramref name="themes"/> replace the rules' ones when given.</summary>
    public DailyReport Build(
        ReportDay day, ReportRepository repository, IEnumerable<CommitRecord> commits, Func<CommitRecord, AnalyzedCommit> analyze,
        IReadOnlyList<string>? highlights = null, IReadOnlyList<ReportTheme>? themes = null)
    {
        // Lists mapped with ConvertAll, not a Select chained after another operator: that Select is a generic virtual method
        // of LINQ's iterators, which the Native AOT runtime resolves at run time on first use (bench/README.md, "start9").
        var entries = commits
            .OrderByDescending(c => c.CommittedAt)
            .ToList()
            .ConvertAll(c => Entry(c, analyze(c)));
        return new DailyReport
        {
            Day = day,
            Repository = repository,
            Entries = entries,
            Highlights = highlights ?? RulesHighlights(entries),
            Themes = themes ?? ThemeFinder.Find(entries, repository.Name),
        };
    }

    /// <summary>The high commits' titles (newest first); on a day without one, the strongest medium ones, so the first screen
    /// of a quiet day still says what changed rather than only its bumps: by score, then by what the commit weighed before
    /// the rules held it at medium for want of a high signal (a 2,000-line feature before a 40-line one, both at 9 —
    /// on a busy day most features and fixes are), newest first among equals.</summary>
    private static List<string> RulesHighlights(List<ReportEntry> entries)
    {
        var shown = entries.Where(e => !e.Importance.Muted).ToList();
        var high = shown.Where(e => e.Level == ImportanceLevel.High).Take(MaxHighlights).ToList();
        var picked = high.Count > 0
            ? high
            : shown.Where(e => e.Level == ImportanceLevel.Medium)
                .OrderByDescending(e => e.Importance.Score)
                .ThenByDescending(e => e.Importance.ScoreBeforeHold)
                .Take(MaxQuietDayHighlights)
                .ToList();
        return picked.ConvertAll(Highlight);
    }

    /// <summary>A high commit's title; one that names nothing but tickets (Jenkins' "[SECURITY-3744]", "Fix #123") gets
    /// the source file it changes most, so the reader sees where it lands.</summary>
    private static string Highlight(ReportEntry entry)
    {
        var title = PointText.Clip(entry.Commit.Title, MaxTitleLength);
        if (!TicketsOnly().IsMatch(entry.Commit.Title))
        {
            return title;
        }
        var changed = entry.Files.Where(f => f.Role == FileRole.Source).ToList() is { Count: > 0 } source ? source : entry.Files.Where(f => f.IsMeaningful).ToList();
        return changed.MaxBy(f => (long)f.Change.Additions + f.Change.Deletions) is { } file ? $"{title} ({file.Change.Path})" : title;
    }

    // Nothing but ticket ids: "[SECURITY-3711][SECURITY-3755]", "JDK-8349871", "Fix #123", "(#4512)".
    [GeneratedRegex(@"^\s*((fix(es|ed)?|close[sd]?|resolve[sd]?)\s+)?(\[[\w.-]+\]|\(?#\d+\)?|[A-Z][A-Z0-9]+-\d+)([\s,:;]*(\[[\w.-]+\]|\(?#\d+\)?|[A-Z][A-Z0-9]+-\d+))*[\s.:]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TicketsOnly();

    private ReportEntry Entry(CommitRecord commit, AnalyzedCommit analyzed)
    {
        return new ReportEntry
        {
            Commit = commit,
            Files = analyzed.Files,
            Importance = analyzed.Importance,
            Analysis = analyzed.Analysis,
            CommitUrl = links.Commit(commit.Sha),
            PullRequestUrl = commit.PullRequest is { } pr ? links.PullRequest(pr) : null,
        };
    }
}
