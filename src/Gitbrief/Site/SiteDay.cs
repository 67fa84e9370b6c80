using System.Globalization;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>One repository-day read back from its JSON report: the folder name (the site's path segment), the
/// day, the report and the language its text is in.</summary>
internal sealed record SiteDay(string Name, DateOnly Date, JsonReport Report, ReportLanguage Language)
{
    public string IsoDate => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Site-relative URL of the day page, e.g. <c>demo/2026-01-12.html</c>.</summary>
    public string PagePath => Html.PagePath(Name, IsoDate);

    /// <summary>The day's count at a level, from the report's own stats.</summary>
    public int Count(string level) => level switch
    {
        "high" => Report.Stats.High,
        "medium" => Report.Stats.Medium,
        _ => Report.Stats.Low,
    };
}
