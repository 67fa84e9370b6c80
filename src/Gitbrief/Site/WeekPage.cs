using System.Globalization;
using System.Text;
using Gitbrief.Analysis;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary><c>&lt;repo-name&gt;/week.html</c>: the repository's last seven days (ending on its latest report day), newest
/// first — for each day with commits its counts, its themes and its high-importance commits, linked to the day page;
/// runs of days without commits collapsed into one line.</summary>
internal static class WeekPage
{
    /// <param name="reports">The whole report of each of the week's days with commits.</param>
    public static string Render(SiteRepository repository, SiteText text, Func<SiteDay, JsonReport> reports)
    {
        var days = Days(repository);
        var last = repository.Latest.Date;
        var first = last.AddDays(-(SiteRepository.RecentDays - 1));
        var html = new StringBuilder();
        var title = text.WeekTitle(Iso(first), Iso(last));
        PageShell.Open(html, text, "../", $"{repository.Name} · {title}", "week-page", Html.FeedPath(repository.Name));
        html.Append("<p class=\"breadcrumb\"><a href=\"../index.html#").Append(Html.Escape(IndexPage.Anchor(repository.Name))).Append("\">")
            .Append(Html.Escape(text.Home)).Append("</a> / <a href=\"index.html\">").Append(Html.Escape(repository.Name)).Append("</a> / ")
            .Append(Html.Escape(title)).Append("</p>\n")
            .Append("<h1>").Append(Html.Escape(repository.Name)).Append(" · ").Append(Html.Escape(title)).Append("</h1>\n")
            .Append("<p class=\"recent\">").Append(Html.Escape(text.RecentSummary(SiteRepository.RecentDays, days.Sum(d => d.Stats.Total))));
        LevelCounts.Append(html, text, level => days.Sum(d => d.Count(level)));
        html.Append("</p>\n");
        foreach (var segment in DaySegment.Of(days))
        {
            if (segment.IsEmptyRun)
            {
                html.Append("<p class=\"empty-run\" data-days=\"").Append(N(segment.Days)).Append("\">")
                    .Append(Html.Escape(segment.EmptyRunText(text))).Append("</p>\n");
            }
            else
            {
                AppendDay(html, segment.Newest, reports(segment.Newest), text);
            }
        }
        PageShell.Close(html);
        return html.ToString();
    }

    /// <summary>The days the page shows: the repository's reported days within a week of its latest.</summary>
    public static IReadOnlyList<SiteDay> Days(SiteRepository repository)
    {
        var first = repository.Latest.Date.AddDays(-(SiteRepository.RecentDays - 1));
        return repository.Days.Where(d => d.Date >= first).ToList();
    }

    private static void AppendDay(StringBuilder html, SiteDay day, JsonReport report, SiteText text)
    {
        var labels = text.Labels;
        var page = day.IsoDate + ".html";
        var stats = report.Stats;
        html.Append("<section class=\"week-day\" data-date=\"").Append(day.IsoDate).Append("\">\n")
            .Append("<h2><a href=\"").Append(page).Append("\">").Append(day.IsoDate).Append("</a></h2>\n")
            .Append("<p class=\"day-counts\">").Append(Html.Escape(text.TotalCommits(stats.Total)));
        LevelCounts.Append(html, text, day.Count);
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
                // The first summary point, unless it only repeats the title.
                if (commit.Analysis.Summary.FirstOrDefault() is { Length: > 0 } summary && !title.Contains(summary, StringComparison.OrdinalIgnoreCase))
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
