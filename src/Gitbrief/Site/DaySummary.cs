using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>What the site's shared pages (index, repository pages, feeds, search page) need of one repository-day,
/// kept in the site manifest so that a rebuild reads again only the reports that changed: the counts, the
/// repository as the report names it, when the day was last updated, its highlights and its high-importance
/// commits, and the language its text was detected to be in (null when it says nothing).</summary>
internal sealed record DaySummary(
    JsonStats Stats,
    JsonRepository Repository,
    DateTimeOffset Updated,
    IReadOnlyList<string> Highlights,
    IReadOnlyList<DaySummaryCommit> High,
    string? DetectedLanguage)
{
    public static DaySummary Of(JsonReport report, DateOnly date) => new(
        report.Stats,
        report.Repository,
        UpdatedOf(report, date),
        report.Highlights,
        report.Commits.Where(c => DayPage.Level(c) == "high").Select(c => new DaySummaryCommit(c.Url, c.Title, c.Author.Name)).ToList(),
        LanguageDetector.Detect(report)?.Code());

    /// <summary>The day's last commit time, else the end of its window, else its midnight UTC.</summary>
    private static DateTimeOffset UpdatedOf(JsonReport report, DateOnly date)
    {
        var times = report.Commits.Select(c => Parse(c.CommittedAt)).OfType<DateTimeOffset>().ToList();
        if (times.Count > 0)
        {
            return times.Max();
        }
        return Parse(report.Window.End) ?? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    private static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var value)
            ? value
            : null;
}
