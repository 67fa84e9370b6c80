using System.Text;

namespace Gitbrief.Site;

/// <summary><c>&lt;repo-name&gt;/index.html</c>: one repository — its 90-day chart and all its days, newest first, with runs of
/// days without commits collapsed — and links to its "last 7 days" page and its feed.</summary>
internal static class RepositoryPage
{
    public static string Render(SiteRepository repository, DateOnly lastDay, SiteText text)
    {
        var html = new StringBuilder();
        PageShell.Open(html, text, "../", $"{repository.Name} · {text.SiteTitle}", "repository-page", Html.FeedPath(repository.Name));
        html.Append("<p class=\"breadcrumb\"><a href=\"../index.html#").Append(Html.Escape(IndexPage.Anchor(repository.Name))).Append("\">")
            .Append(Html.Escape(text.Home)).Append("</a> / ").Append(Html.Escape(repository.Name)).Append("</p>\n")
            .Append("<h1>").Append(Html.Escape(repository.Name)).Append("</h1>\n");
        IndexPage.AppendSubtitle(html, repository.Name, repository.Latest.Summary.Repository);
        html.Append("<p class=\"more\"><a class=\"week\" href=\"week.html\">").Append(Html.Escape(text.WeekLink)).Append("</a> · ")
            .Append("<a class=\"feed\" href=\"feed.atom\">").Append(Html.Escape(text.Feed)).Append("</a></p>\n")
            .Append(ActivityChart.Render(repository.Days, lastDay, text))
            .Append("<h2>").Append(Html.Escape(text.AllDays(repository.Days.Count))).Append("</h2>\n");
        DayList.Append(html, repository.Days, text, sibling: true);
        PageShell.Close(html);
        return html.ToString();
    }
}
