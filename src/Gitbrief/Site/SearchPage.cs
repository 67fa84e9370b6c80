using System.Text;

namespace Gitbrief.Site;

/// <summary>search.html: a search box and a result list filled by site.js from the index shards
/// (<see cref="SearchIndex"/>), which the page lists, newest month first, in a non-executable JSON block.</summary>
internal static class SearchPage
{
    public static string Render(IReadOnlyList<SearchShard> shards, SiteText text)
    {
        var html = new StringBuilder();
        PageShell.Open(html, text, string.Empty, $"{text.Search} · {text.SiteTitle}", "search-page", "feed.atom");
        html.Append("<h1>").Append(Html.Escape(text.Search)).Append("</h1>\n")
            .Append("<form class=\"search-form\" role=\"search\" action=\"search.html\" method=\"get\">\n")
            .Append("<label for=\"search\">").Append(Html.Escape(text.SearchPlaceholder)).Append("</label>\n")
            .Append("<input id=\"search\" type=\"search\" name=\"q\" autocomplete=\"off\" placeholder=\"").Append(Html.Escape(text.SearchPlaceholder))
            .Append("\">\n</form>\n")
            .Append("<p class=\"hint\" id=\"search-status\">").Append(Html.Escape(text.SearchHint)).Append("</p>\n")
            .Append("<ul id=\"results\"></ul>\n")
            .Append("<script type=\"application/json\" id=\"search-shards\">").Append(SearchShard.ToJson(shards)).Append("</script>\n");
        PageShell.Close(html);
        return html.ToString();
    }
}
