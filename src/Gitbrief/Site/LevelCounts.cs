using System.Globalization;
using System.Text;

namespace Gitbrief.Site;

/// <summary>High/medium/low counts as <c>&lt;span class="count high" data-level="high"&gt;🔴 High 3&lt;/span&gt;</c>, highest first,
/// each preceded by a space.</summary>
internal static class LevelCounts
{
    public static void Append(StringBuilder html, SiteText text, Func<string, int> count, string element = "span")
    {
        foreach (var level in SiteText.Levels)
        {
            html.Append(element == "li" ? "\n" : " ").Append('<').Append(element).Append(" class=\"count ").Append(level).Append("\" data-level=\"").Append(level).Append("\">")
                .Append(Html.Escape(text.Level(level))).Append(' ').Append(count(level).ToString(CultureInfo.InvariantCulture))
                .Append("</").Append(element).Append('>');
        }
    }
}
