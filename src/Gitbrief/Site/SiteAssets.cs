using Gitbrief.Common;

namespace Gitbrief.Site;

/// <summary>The site's own stylesheet and script (assets/site.css, assets/site.js; the files are in Site/Assets and
/// built into the library): no CDN, no external request, light and dark themes through prefers-color-scheme, and
/// the day-page filters and search without inline handlers. The script builds results with DOM APIs
/// (textContent), never innerHTML.</summary>
internal static class SiteAssets
{
    public static string Css { get; } = EmbeddedText.Read("Gitbrief.Site.site.css");

    public static string Js { get; } = EmbeddedText.Read("Gitbrief.Site.site.js");
}
