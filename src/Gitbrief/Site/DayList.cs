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
        for (var i = 0; i < days.Count;)
        {
            if (days[i].Report.Stats.Total > 0)
            {
                AppendDay(html, days[i], text, sibling);
                i++;
                continue;
            }
            var end = i;
            while (end + 1 < days.Count && days[end + 1].Report.Stats.Total == 0)
            {
                end++;
            }
            // Newest first: the run goes from days[end] (oldest) to days[i] (newest).
            html.Append("<li class=\"empty-run\" data-days=\"").Append(N(end - i + 1)).Append("\">")
                .Append(Html.Escape(text.EmptyRun(days[end].IsoDate, days[i].IsoDate, end - i + 1))).Append("</li>\n");
            i = end + 1;
        }
        html.Append("</ul>\n");
    }

    private static void AppendDay(StringBuilder html, SiteDay day, SiteText text, bool sibling)
    {
        var path = sibling ? day.IsoDate + ".html" : day.PagePath;
        html.Append("<li><a href=\"").Append(Html.Escape(path)).Append("\">").Append(day.IsoDate).Append("</a> ")
            .Append("<span class=\"total\">").Append(Html.Escape(text.TotalCommits(day.Report.Stats.Total))).Append("</span> ");
        foreach (var level in SiteText.Levels)
        {
            html.Append("<span class=\"count ").Append(level).Append("\" data-level=\"").Append(level).Append("\">")
                .Append(Html.Escape(text.Level(level))).Append(' ').Append(N(day.Count(level))).Append("</span> ");
        }
        html.Length--;
        html.Append("</li>\n");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
