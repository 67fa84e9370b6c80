using System.Globalization;
using System.Text;

namespace Gitbrief.Site;

/// <summary>index.html: each repository's recent activity, busiest first (<see cref="SiteRepository.Group"/>): its
/// commits in the site's last seven days, its 90-day chart, those days (runs without commits collapsed), and links to
/// its "last 7 days" page, its page of all days and its feed.</summary>
internal static class IndexPage
{
    public static string Render(IReadOnlyList<SiteRepository> repositories, SiteText text)
    {
        var html = new StringBuilder();
        PageShell.Open(html, text, string.Empty, text.SiteTitle, "index-page", "feed.atom");
        html.Append("<h1>").Append(Html.Escape(text.SiteTitle)).Append("</h1>\n");
        if (repositories.Count == 0)
        {
            html.Append("<p class=\"empty\">").Append(Html.Escape(text.NoReports)).Append("</p>\n");
            PageShell.Close(html);
            return html.ToString();
        }
        var lastDay = repositories.Max(r => r.Latest.Date);
        html.Append("<nav class=\"toc\" aria-label=\"").Append(Html.Escape(text.Repositories)).Append("\">\n<ul>\n");
        foreach (var repository in repositories)
        {
            html.Append("<li><a href=\"#").Append(Html.Escape(Anchor(repository.Name))).Append("\">").Append(Html.Escape(repository.Name))
                .Append("</a> <span class=\"total\">").Append(N(repository.RecentCommits)).Append("</span></li>\n");
        }
        html.Append("</ul>\n</nav>\n");
        foreach (var repository in repositories)
        {
            var latest = repository.Latest.Summary.Repository;
            html.Append("<section class=\"repository\" id=\"").Append(Html.Escape(Anchor(repository.Name))).Append("\" data-recent-commits=\"")
                .Append(N(repository.RecentCommits)).Append("\">\n")
                .Append("<h2><a href=\"").Append(Html.Escape(Html.RepositoryPath(repository.Name))).Append("\">").Append(Html.Escape(repository.Name))
                .Append("</a></h2>\n");
            AppendSubtitle(html, repository.Name, latest);
            html.Append("<p class=\"recent\">");
            if (repository.Recent.Count == 0)
            {
                html.Append(Html.Escape(text.NoRecent(SiteRepository.RecentDays, repository.Latest.IsoDate)));
            }
            else
            {
                html.Append(Html.Escape(text.RecentSummary(SiteRepository.RecentDays, repository.RecentCommits)));
                LevelCounts.Append(html, text, level => repository.Recent.Sum(d => d.Count(level)));
            }
            html.Append("</p>\n").Append(ActivityChart.Render(repository.Days, lastDay, text));
            if (repository.Recent.Count > 0)
            {
                DayList.Append(html, repository.Recent, text, sibling: false);
            }
            html.Append("<p class=\"more\"><a class=\"week\" href=\"").Append(Html.Escape(Html.WeekPath(repository.Name))).Append("\">")
                .Append(Html.Escape(text.WeekLink)).Append("</a> · <a class=\"all-days\" href=\"")
                .Append(Html.Escape(Html.RepositoryPath(repository.Name))).Append("\">").Append(Html.Escape(text.AllDays(repository.Days.Count)))
                .Append("</a> · <a class=\"feed\" href=\"").Append(Html.Escape(Html.FeedPath(repository.Name))).Append("\">")
                .Append(Html.Escape(text.Feed)).Append("</a></p>\n</section>\n");
        }
        PageShell.Close(html);
        return html.ToString();
    }

    /// <summary>The repository's full name (when it differs from its folder name), branch and web link.</summary>
    public static void AppendSubtitle(StringBuilder html, string name, Rendering.JsonRepository repository)
    {
        html.Append("<p class=\"subtitle\">");
        if (!string.Equals(repository.Name, name, StringComparison.Ordinal))
        {
            html.Append(Html.Escape(repository.Name)).Append(" · ");
        }
        html.Append(Html.Escape(repository.Branch));
        if (Html.SafeUrl(repository.Url) is { } url)
        {
            html.Append(" · ").Append(Html.Link(url, url));
        }
        html.Append("</p>\n");
    }

    /// <summary>A fragment id for a repository: its name with anything but letters, digits, '-' and '_' replaced.</summary>
    public static string Anchor(string name) =>
        "repo-" + string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
