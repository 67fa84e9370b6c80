using System.Globalization;
using System.Text;
using Gitbrief.Analysis;

namespace Gitbrief.Site;

/// <summary><c>&lt;repo-name&gt;/week.html</c>: the repository's last seven days (ending on its latest report day), newest
/// first — for each day with commits its counts, its themes and its high-importance commits, linked to the day page;
/// runs of days without commits collapsed into one line.</summary>
internal static class WeekPage
{
    public static string Render(SiteRepository repository, SiteText text)
    {
        var last = repository.Latest.Date;
        var first = last.AddDays(-(SiteRepository.RecentDays - 1));
        var days = repository.Days.Where(d => d.Date >= first).ToList();
        var html = new StringBuilder();
        var title = text.WeekTitle(Iso(first), Iso(last));
        PageShell.Open(html, text, "../", $"{repository.Name} · {title}", "week-page", Html.FeedPath(repository.Name));
        html.Append("<p class=\"breadcrumb\"><a href=\"../index.html#").Append(Html.Escape(IndexPage.Anchor(repository.Name))).Append("\">")
            .Append(Html.Escape(text.Home)).Append("</a> / <a href=\"index.html\">").Append(Html.Escape(repository.Name)).Append("</a> / ")
            .Append(Html.Escape(title)).Append("</p>\n")
            .Append("<h1>").Append(Html.Escape(repository.Name)).Append(" · ").Append(Html.Escape(title)).Append("</h1>\n")
            .Append("<p class=\"recent\">").Append(Html.Escape(text.RecentSummary(SiteRepository.RecentDays, days.Sum(d => d.Report.Stats.Total))));
        foreach (var level in SiteText.Levels)
        {
            html.Append(" <span class=\"count ").Append(level).Append("\" data-level=\"").Append(level).Append("\">")
                .Append(Html.Escape(text.Level(level))).Append(' ').Append(N(days.Sum(d => d.Count(level)))).Append("</span>");
        }
        html.Append("</p>\n");
        for (var i = 0; i < days.Count;)
        {
            if (days[i].Report.Stats.Total > 0)
            {
                AppendDay(html, days[i], text);
                i++;
                continue;
            }
            var end = i;
            while (end + 1 < days.Count && days[end + 1].Report.Stats.Total == 0)
            {
                end++;
            }
            html.Append("<p class=\"empty-run\" data-days=\"").Append(N(end - i + 1)).Append("\">")
                .Append(Html.Escape(text.EmptyRun(days[end].IsoDate, days[i].IsoDate, end - i + 1))).Append("</p>\n");
            i = end + 1;
        }
        PageShell.Close(html);
        return html.ToString();
    }

    private static void AppendDay(StringBuilder html, SiteDay day, SiteText text)
    {
        var labels = text.Labels;
        var report = day.Report;
        var page = day.IsoDate + ".html";
        var stats = report.Stats;
        html.Append("<section class=\"week-day\" data-date=\"").Append(day.IsoDate).Append("\">\n")
            .Append("<h2><a href=\"").Append(page).Append("\">").Append(day.IsoDate).Append("</a></h2>\n")
            .Append("<p class=\"day-counts\">").Append(Html.Escape(text.TotalCommits(stats.Total)));
        foreach (var level in SiteText.Levels)
        {
            html.Append(" <span class=\"count ").Append(level).Append("\" data-level=\"").Append(level).Append("\">")
                .Append(Html.Escape(text.Level(level))).Append(' ').Append(N(day.Count(level))).Append("</span>");
        }
        html.Append("</p>\n");
        if (ThemeList.Valid(report).Count > 0)
        {
            html.Append("<h3>").Append(Html.Escape(labels.Themes)).Append("</h3>\n");
            ThemeList.Append(html, report, text, page);
        }
        var high = report.Commits.Where(c => DayPage.Level(c) == "high").ToList();
        if (high.Count == 0)
        {
            html.Append("<p class=\"no-high\">").Append(Html.Escape(text.NoHighItems)).Append("</p>\n");
        }
        else
        {
            html.Append("<h3>").Append(Html.Escape(labels.Group(ImportanceLevel.High, high.Count))).Append("</h3>\n<ul class=\"high-items\">\n");
            foreach (var commit in high)
            {
                var title = string.IsNullOrWhiteSpace(commit.Title) ? commit.ShortSha : commit.Title;
                html.Append("<li><a href=\"").Append(Html.Escape(page + "#" + DayPage.CommitAnchor(commit))).Append("\">").Append(Html.Escape(title))
                    .Append("</a> <span class=\"meta\">").Append(Html.Escape(commit.Author.Name)).Append(" · ")
                    .Append(Html.Escape(commit.ShortSha)).Append("</span>");
                if (commit.Analysis.Summary.FirstOrDefault() is { Length: > 0 } summary)
                {
                    html.Append("<br><span class=\"summary\">").Append(Html.Escape(summary)).Append("</span>");
                }
                html.Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("</section>\n");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
