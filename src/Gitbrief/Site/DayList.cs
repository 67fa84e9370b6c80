using System.Globalization;
using System.Text;

namespace Gitbrief.Site;

/// <summary>A repository's days as <c>&lt;ul class="days"&gt;</c>, newest first: each day with commits links to its page
/// with its total and high/medium/low counts; a run of reported days without commits is one collapsed line
/// (<c>&lt;li class="empty-run"&gt;</c>).</summary>
internal static class DayList
{
    /// <param name="sibling">True on the repository's own pages (the day pages are siblings), false on the index.</param>
    public static void Append(StringBuilder html, IReadOnlyList<SiteDay> days, SiteText text, bool sibling)
    {
        html.Append("<ul class=\"days\">\n");
        foreach (var segment in DaySegment.Of(days))
        {
            if (segment.IsEmptyRun)
            {
                html.Append("<li class=\"empty-run\" data-days=\"").Append(N(segment.Days)).Append("\">")
                    .Append(Html.Escape(segment.EmptyRunText(text))).Append("</li>\n");
            }
            else
            {
                AppendDay(html, segment.Newest, text, sibling);
            }
        }
        html.Append("</ul>\n");
    }

    private static void AppendDay(StringBuilder html, SiteDay day, SiteText text, bool sibling)
    {
        var path = sibling ? day.IsoDate + ".html" : day.PagePath;
        html.Append("<li><a href=\"").Append(Html.Escape(path)).Append("\">").Append(day.IsoDate).Append("</a> ")
            .Append("<span class=\"total\">").Append(Html.Escape(text.TotalCommits(day.Stats.Total))).Append("</span>");
        LevelCounts.Append(html, text, day.Count);
        html.Append("</li>\n");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
