using System.Text;

namespace Gitbrief.Site;

/// <summary>search.html: a search box and a result list filled by site.js from the index embedded in the page
/// (a non-executable JSON block, so it also works from file://) or, failing that, from search-index.json.</summary>
internal static class SearchPage
{
    public static string Render(string searchIndexJson, SiteText text)
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
            .Append("<script type=\"application/json\" id=\"search-data\">").Append(searchIndexJson).Append("</script>\n");
        PageShell.Close(html);
        return html.ToString();
    }
}
