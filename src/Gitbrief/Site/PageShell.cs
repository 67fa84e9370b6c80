using System.Text;

namespace Gitbrief.Site;

/// <summary>The frame every page shares: a strict Content-Security-Policy (no inline script or style can run),
/// the site's own stylesheet and script, the navigation, and the footer.</summary>
internal static class PageShell
{
    public const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'";

    /// <summary>Opens a page. <paramref name="root"/> is the relative path to the site root ("" or "../");
    /// <paramref name="feed"/> is a root-relative Atom feed path to advertise.</summary>
    public static void Open(StringBuilder html, SiteText text, string root, string title, string pageClass, string? feed)
    {
        html.Append("<!DOCTYPE html>\n")
            .Append("<html lang=\"").Append(text.Lang).Append("\">\n")
            .Append("<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Html.Escape(ContentSecurityPolicy)).Append("\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(Html.Escape(title)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(root).Append("assets/site.css\">\n");
        if (feed is not null)
        {
            html.Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Append(Html.Escape(text.Feed))
                .Append("\" href=\"").Append(Html.Escape(root + feed)).Append("\">\n");
        }
        html.Append("<script src=\"").Append(root).Append("assets/site.js\" defer></script>\n")
            .Append("</head>\n")
            .Append("<body class=\"").Append(pageClass).Append("\">\n")
            .Append("<header class=\"site-header\">\n<nav>\n")
            .Append("<a class=\"brand\" href=\"").Append(root).Append("index.html\">Gitbrief</a>\n")
            .Append("<a href=\"").Append(root).Append("search.html\">").Append(Html.Escape(text.Search)).Append("</a>\n")
            .Append("<a href=\"").Append(root).Append("feed.atom\">").Append(Html.Escape(text.Feed)).Append("</a>\n")
            .Append("</nav>\n</header>\n")
            .Append("<main>\n");
    }

    public static void Close(StringBuilder html)
    {
        html.Append("</main>\n")
            .Append("<footer class=\"site-footer\"><p>Gitbrief</p></footer>\n")
            .Append("</body>\n</html>\n");
    }
}
