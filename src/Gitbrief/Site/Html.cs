using System.Text;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>HTML escaping for the site: every commit-derived string goes through <see cref="Escape"/> (text and
/// attribute values alike), and only http(s) URLs become links.</summary>
internal static class Html
{
    /// <summary>Escapes &amp; &lt; &gt; " and ' — safe in element content and in quoted attribute values — and drops
    /// bidirectional controls (<see cref="BidiControls"/>).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (BidiControls.Is(c))
            {
                continue;
            }
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\0': builder.Append('\uFFFD'); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>A web link only for http(s) URLs (javascript:, data: and the rest are refused), else null.</summary>
    public static string? SafeUrl(string? url) => MarkdownText.Url(url);

    /// <summary>An anchor when the URL is a safe http(s) link, else the escaped text alone.</summary>
    public static string Link(string? url, string text, string? cssClass = null)
    {
        var safe = SafeUrl(url);
        if (safe is null)
        {
            return Escape(text);
        }
        var classAttribute = cssClass is null ? string.Empty : $" class=\"{Escape(cssClass)}\"";
        return $"<a href=\"{Escape(safe)}\"{classAttribute} rel=\"noopener noreferrer\">{Escape(text)}</a>";
    }

    /// <summary>A site-relative path to a repository-day page, each segment percent-encoded.</summary>
    public static string PagePath(string name, string isoDate) => Uri.EscapeDataString(name) + "/" + isoDate + ".html";

    public static string FeedPath(string name) => Uri.EscapeDataString(name) + "/feed.atom";

    /// <summary>A repository's page of all its days.</summary>
    public static string RepositoryPath(string name) => Uri.EscapeDataString(name) + "/index.html";

    /// <summary>A repository's "last 7 days" page.</summary>
    public static string WeekPath(string name) => Uri.EscapeDataString(name) + "/week.html";
}
