using System.Globalization;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>One repository-day of the site: the folder name (the site's path segment), the day, what the shared pages
/// need of its report (<see cref="Summary"/>), the language its text is in, and the report file with its SHA-256
/// (the whole report is read only for the pages that show it).</summary>
internal sealed record SiteDay(string Name, DateOnly Date, DaySummary Summary, ReportLanguage Language, string File, string Hash)
{
    public string IsoDate => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Site-relative URL of the day page, e.g. <c>demo/2026-01-12.html</c>.</summary>
    public string PagePath => Html.PagePath(Name, IsoDate);

    public JsonStats Stats => Summary.Stats;

    /// <summary>The day's count at a level, from the report's own stats.</summary>
    public int Count(string level) => level switch
    {
        "high" => Stats.High,
        "medium" => Stats.Medium,
        _ => Stats.Low,
    };
}
