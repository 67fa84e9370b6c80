using System.Globalization;
using System.Text;

namespace Gitbrief.Site;

/// <summary>index.html: every repository (most recently reported first), its activity chart, and its days newest
/// first with their high/medium/low counts.</summary>
internal static class IndexPage
{
    public static string Render(IReadOnlyList<SiteDay> days, SiteText text)
    {
        var html = new StringBuilder();
        PageShell.Open(html, text, string.Empty, text.SiteTitle, "index-page", "feed.atom");
        html.Append("<h1>").Append(Html.Escape(text.SiteTitle)).Append("</h1>\n");
        if (days.Count == 0)
        {
            html.Append("<p class=\"empty\">").Append(Html.Escape(text.NoReports)).Append("</p>\n");
            PageShell.Close(html);
            return html.ToString();
        }
        var lastDay = days.Max(d => d.Date);
        var repositories = days.GroupBy(d => d.Name, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(d => d.Date))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        html.Append("<nav class=\"toc\" aria-label=\"").Append(Html.Escape(text.Repositories)).Append("\">\n<ul>\n");
        foreach (var repository in repositories)
        {
            html.Append("<li><a href=\"#").Append(Html.Escape(Anchor(repository.Key))).Append("\">").Append(Html.Escape(repository.Key))
                .Append("</a></li>\n");
        }
        html.Append("</ul>\n</nav>\n");
        foreach (var repository in repositories)
        {
            var ordered = repository.OrderByDescending(d => d.Date).ToList();
            var latest = ordered[0].Report.Repository;
            html.Append("<section class=\"repository\" id=\"").Append(Html.Escape(Anchor(repository.Key))).Append("\">\n")
                .Append("<h2>").Append(Html.Link(latest.Url, repository.Key)).Append("</h2>\n");
            if (!string.Equals(latest.Name, repository.Key, StringComparison.Ordinal))
            {
                html.Append("<p class=\"subtitle\">").Append(Html.Escape(latest.Name)).Append(" · ").Append(Html.Escape(latest.Branch)).Append("</p>\n");
            }
            else
            {
                html.Append("<p class=\"subtitle\">").Append(Html.Escape(latest.Branch)).Append("</p>\n");
            }
            html.Append("<p class=\"feed\"><a href=\"").Append(Html.Escape(Html.FeedPath(repository.Key))).Append("\">")
                .Append(Html.Escape(text.Feed)).Append("</a></p>\n")
                .Append(ActivityChart.Render(ordered, lastDay, text))
                .Append("<ul class=\"days\">\n");
            foreach (var day in ordered)
            {
                html.Append("<li><a href=\"").Append(Html.Escape(day.PagePath)).Append("\">").Append(day.IsoDate).Append("</a> ")
                    .Append("<span class=\"total\">").Append(N(day.Report.Stats.Total)).Append(' ').Append(Html.Escape(text.Commits)).Append("</span> ");
                foreach (var level in new[] { "high", "medium", "low" })
                {
                    html.Append("<span class=\"count ").Append(level).Append("\" data-level=\"").Append(level).Append("\">")
                        .Append(Html.Escape(text.Level(level))).Append(' ').Append(N(day.Count(level))).Append("</span> ");
                }
                html.Length--;
                html.Append("</li>\n");
            }
            html.Append("</ul>\n</section>\n");
        }
        PageShell.Close(html);
        return html.ToString();
    }

    /// <summary>A fragment id for a repository: its name with anything but letters, digits, '-' and '_' replaced.</summary>
    public static string Anchor(string name) =>
        "repo-" + string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
