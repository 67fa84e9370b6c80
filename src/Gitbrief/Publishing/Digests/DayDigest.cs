using System.Globalization;
using Gitbrief.Analysis;
using Gitbrief.Rendering;
using Gitbrief.Reports;

namespace Gitbrief.Publishing.Digests;

/// <summary>What every message says about one repository-day — a chat message of any flavour, a mail's section, the
/// body of an issue too long for GitHub: the heading, the counts per level, whether the day is not over yet, the
/// highlights, the themes, the top commits (high before medium) with their links, how many commits are not listed
/// and the link to the full report; for the update of a day already sent, what changed instead. It is built once from
/// the report (never from its rendered Markdown); each channel only formats it, and a channel with a size limit asks
/// <see cref="Fit{T}"/> for the largest reduction that fits (fewer commits first, then fewer highlights and themes).
/// Text comes from commits and the LLM: it is kept as is apart from bidirectional controls, and every channel
/// escapes it for its own format.</summary>
internal sealed record DayDigest
{
    /// <summary>Longest commit title in a chat message, in characters (the full title is in the report).</summary>
    public const int MaxTitle = 200;

    /// <summary>Longest highlight in a chat message, in characters.</summary>
    public const int MaxHighlight = 400;

    /// <summary>Commits a message lists unless configured otherwise (webhook <c>max_commits</c>).</summary>
    public const int DefaultMaxCommits = 10;

    public required string Repository { get; init; }

    public string? RepositoryUrl { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public required string Date { get; init; }

    public required ReportLanguage Language { get; init; }

    public required ReportStats Stats { get; init; }

    /// <summary>The end of the window of a day not over yet (yyyy-MM-dd HH:mm:ss); null when the day is over.</summary>
    public string? PartialUntil { get; init; }

    /// <summary>The report's highlights — or, in an update, what changed, one line each.</summary>
    public IReadOnlyList<string> Highlights { get; init; } = [];

    /// <summary>The day's themes, most important first (none in an update).</summary>
    public IReadOnlyList<DigestTheme> Themes { get; init; } = [];

    /// <summary>The commits listed: high first, then medium, each in the report's order (newest first).</summary>
    public IReadOnlyList<DigestCommit> Commits { get; init; } = [];

    /// <summary>The archived report's web link (config <c>report_url</c>), if any.</summary>
    public string? ReportUrl { get; init; }

    /// <summary>The archived Markdown's reports-relative path (2026/sglang/2026-01-12.md), named when there is no link.</summary>
    public string ReportPath { get; init; } = string.Empty;

    /// <summary>An update of a day already sent: <see cref="Highlights"/> then holds what changed, one line each.</summary>
    public bool IsUpdate { get; init; }

    /// <summary>The digest of a report — or, given what changed since it was sent, of the update: the day's counts
    /// now and what changed, no commit list. At most <paramref name="maxCommits"/> commits, high before medium.</summary>
    public static DayDigest Of(PublishedReport published, ReportLanguage language, string? reportUrl, ReportChange? change = null, int maxCommits = DefaultMaxCommits)
    {
        var report = published.Report;
        var digest = new DayDigest
        {
            Repository = BidiControls.Strip(report.Repository.Name),
            RepositoryUrl = report.Repository.Url,
            Date = published.IsoDate,
            Language = language,
            Stats = report.Stats,
            PartialUntil = report.Partial ? report.Day.End.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null,
            ReportUrl = reportUrl,
            ReportPath = published.RelativePath("md"),
        };
        if (change is not null)
        {
            return digest with { IsUpdate = true, Highlights = change.Lines(language) };
        }
        return digest with
        {
            Highlights = [.. report.Highlights.Select(BidiControls.Strip)],
            Themes = [.. report.Themes.Select(DigestTheme.Of)],
            Commits = [.. report.AtLevel(ImportanceLevel.High).Concat(report.AtLevel(ImportanceLevel.Medium)).Take(maxCommits).Select(DigestCommit.Of)],
        };
    }

    /// <summary>The highlights a message shows: those that are not the title of a listed commit (rules-mode
    /// highlights are the high-importance titles, which the commit list already shows with links).</summary>
    public IReadOnlyList<string> VisibleHighlights
    {
        get
        {
            var titles = Commits.Select(c => c.Title).ToHashSet(StringComparer.Ordinal);
            return [.. Highlights.Where(h => !titles.Contains(h))];
        }
    }

    /// <summary>Commits of the day that the message does not list (an update lists none and says what changed).</summary>
    public int More => IsUpdate ? 0 : Math.Max(0, Stats.Total - Commits.Count);

    public Labels Labels => Labels.For(Language);

    /// <summary>"acme/widgets · 每日更新报告（2026-01-12）", with "（已更新）" / " (updated)" for an update.</summary>
    public string Heading => $"{Repository} · {Labels.Title(Date)}{(IsUpdate ? Labels.Updated : "")}";

    /// <summary>The heading of the highlights — or, in an update, of what changed.</summary>
    public string HighlightsHeading => IsUpdate ? Labels.Changes : Labels.Highlights;

    public string StatisticsLine => Labels.StatisticsLine(Stats.Total, Stats.High, Stats.Medium, Stats.Low);

    /// <summary>The note of a day not over yet; null when it is over.</summary>
    public string? PartialNote => PartialUntil is { } end ? Labels.PartialNote(end) : null;

    public string MoreLine => Labels.MoreCommits(More);

    public string FullReport => Labels.FullReport;

    /// <summary>A theme on one line: its level's colour, title, summary, size and mix.</summary>
    public string ThemeLine(DigestTheme theme)
    {
        var summary = theme.Summary is { Length: > 0 } text ? Labels.Colon + text : "";
        var counts = theme.Counts;
        return $"{Labels.LevelEmoji(theme.Level)} {theme.Title}{summary} — {Labels.ThemeSize(counts.Total, counts.High, counts.Medium, counts.Low)}";
    }

    /// <summary>The listed commits of a level with the level's heading (its count is the day's, not the listed).</summary>
    public IEnumerable<(string Heading, IReadOnlyList<DigestCommit> Commits)> Groups()
    {
        foreach (var level in new[] { ImportanceLevel.High, ImportanceLevel.Medium })
        {
            var commits = Commits.Where(c => c.Level == level).ToList();
            if (commits.Count > 0)
            {
                yield return (Labels.Group(level, level == ImportanceLevel.High ? Stats.High : Stats.Medium), commits);
            }
        }
    }

    /// <summary>The first of <paramref name="attempt"/>'s results that is not null, trying this digest whole, then the
    /// most commits that fit (the first ones: high before medium, found by bisection), then no commits and fewer
    /// highlights, then fewer themes; null when not even the heading and counts fit.</summary>
    public T? Fit<T>(Func<DayDigest, T?> attempt) where T : class
    {
        if (attempt(this) is { } whole)
        {
            return whole;
        }
        T? best = null;
        var (low, high) = (0, Commits.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (attempt(WithCommits(middle)) is { } result)
            {
                best = result;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        if (best is not null)
        {
            return best;
        }
        var bare = WithCommits(0);
        for (var count = Highlights.Count - 1; count >= 0; count--)
        {
            if (attempt(bare.WithHighlights(count)) is { } result)
            {
                return result;
            }
        }
        bare = bare.WithHighlights(0);
        for (var count = Themes.Count - 1; count >= 0; count--)
        {
            if (attempt(bare with { Themes = [.. Themes.Take(count)] }) is { } result)
            {
                return result;
            }
        }
        return null;
    }

    /// <summary>This digest listing only its first <paramref name="count"/> commits (medium ones go first, as
    /// they are listed last).</summary>
    public DayDigest WithCommits(int count) => this with { Commits = [.. Commits.Take(count)] };

    /// <summary>This digest with only its first <paramref name="count"/> highlights.</summary>
    public DayDigest WithHighlights(int count) => this with { Highlights = [.. Highlights.Take(count)] };
}
