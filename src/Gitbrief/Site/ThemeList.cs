using System.Text;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>A day's themes as <c>&lt;ul class="themes"&gt;</c>: each <c>&lt;li class="theme" data-level&gt;</c> with its level,
/// title and summary, and a collapsed list (its size and mix as the summary) of its commits, each linked to the commit
/// on the day page.</summary>
internal static class ThemeList
{
    /// <param name="page">The day page's path relative to where the list is shown: "" on the day page itself.</param>
    public static void Append(StringBuilder html, JsonReport report, SiteText text, string page)
    {
        var labels = text.Labels;
        var commits = report.Commits.GroupBy(c => c.Sha, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        html.Append("<ul class=\"themes\">\n");
        foreach (var theme in Valid(report))
        {
            var level = SiteText.Levels.Contains(theme.Level) ? theme.Level : "low";
            html.Append("<li class=\"theme\" data-level=\"").Append(level).Append("\">")
                .Append("<span class=\"level ").Append(level).Append("\">").Append(Html.Escape(text.Level(level))).Append("</span> ")
                .Append("<strong class=\"theme-title\">").Append(Html.Escape(theme.Title)).Append("</strong>");
            if (theme.Summary is { Length: > 0 } summary)
            {
                html.Append(" <span class=\"theme-summary\">").Append(Html.Escape(summary)).Append("</span>");
            }
            var counts = theme.Counts;
            html.Append("\n<details class=\"theme-commits\"><summary>")
                .Append(Html.Escape(labels.ThemeSize(counts.High + counts.Medium + counts.Low, counts.High, counts.Medium, counts.Low)))
                .Append("</summary>\n<ul>\n");
            foreach (var commit in theme.Commits.Select(sha => commits.GetValueOrDefault(sha)).OfType<JsonCommit>())
            {
                var title = string.IsNullOrWhiteSpace(commit.Title) ? commit.ShortSha : commit.Title;
                html.Append("<li><a href=\"").Append(Html.Escape(page + "#" + DayPage.CommitAnchor(commit))).Append("\">")
                    .Append(Html.Escape(title)).Append("</a> <span class=\"level ").Append(DayPage.Level(commit)).Append("\">")
                    .Append(Html.Escape(text.Level(DayPage.Level(commit)))).Append("</span></li>\n");
            }
            html.Append("</ul>\n</details>\n</li>\n");
        }
        html.Append("</ul>\n");
    }

    /// <summary>The report's themes that have what a theme needs (a hand-edited report may lack a field).</summary>
    public static IReadOnlyList<JsonTheme> Valid(JsonReport report) =>
        (report.Themes ?? []).Where(t => t is { Title: not null, Commits: not null, Counts: not null, Level: not null }).ToList();
}
