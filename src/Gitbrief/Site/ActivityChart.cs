using System.Globalization;
using System.Text;

namespace Gitbrief.Site;

/// <summary>An inline SVG bar chart of one repository's commits per day over a fixed window ending on the site's
/// latest report day, stacked by importance (low at the bottom, high on top). Built at site build time; colours
/// come from site.css classes so both themes apply.</summary>
internal static class ActivityChart
{
    public const int Days = 90;
    private const double BarWidth = 6;
    private const double Gap = 1;
    private const double Height = 80;
    private const double Top = 4;
    private const double Bottom = 16;

    public static string Render(IReadOnlyList<SiteDay> days, DateOnly lastDay, SiteText text)
    {
        var first = lastDay.AddDays(-(Days - 1));
        var byDate = days.Where(d => d.Date >= first && d.Date <= lastDay).ToDictionary(d => d.Date);
        var max = Math.Max(1, byDate.Values.Select(d => d.Stats.High + d.Stats.Medium + d.Stats.Low).DefaultIfEmpty(0).Max());
        var width = Days * (BarWidth + Gap);
        var label = text.ChartLabel(Days);
        var svg = new StringBuilder();
        svg.Append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(N(width)).Append(' ')
            .Append(N(Top + Height + Bottom)).Append("\" role=\"img\" aria-label=\"").Append(Html.Escape(label)).Append("\">\n")
            .Append("<title>").Append(Html.Escape(label)).Append("</title>\n")
            .Append("<line class=\"axis\" x1=\"0\" y1=\"").Append(N(Top + Height)).Append("\" x2=\"").Append(N(width))
            .Append("\" y2=\"").Append(N(Top + Height)).Append("\"/>\n");
        for (var i = 0; i < Days; i++)
        {
            var date = first.AddDays(i);
            if (!byDate.TryGetValue(date, out var day))
            {
                continue;
            }
            var stats = day.Stats;
            var x = i * (BarWidth + Gap);
            var y = Top + Height;
            var tip = $"{day.IsoDate}: {text.Level("high")} {N(stats.High)} · {text.Level("medium")} {N(stats.Medium)} · {text.Level("low")} {N(stats.Low)}";
            svg.Append("<g><title>").Append(Html.Escape(tip)).Append("</title>");
            foreach (var (level, count) in new[] { ("low", stats.Low), ("medium", stats.Medium), ("high", stats.High) })
            {
                if (count <= 0)
                {
                    continue;
                }
                var h = Height * count / max;
                y -= h;
                svg.Append("<rect class=\"bar-").Append(level).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
                    .Append("\" width=\"").Append(N(BarWidth)).Append("\" height=\"").Append(N(h)).Append("\"/>");
            }
            svg.Append("</g>\n");
        }
        var baseline = N(Top + Height + Bottom - 3);
        svg.Append("<text class=\"tick\" x=\"0\" y=\"").Append(baseline).Append("\">")
            .Append(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</text>\n")
            .Append("<text class=\"tick\" x=\"").Append(N(width)).Append("\" y=\"").Append(baseline).Append("\" text-anchor=\"end\">")
            .Append(lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</text>\n")
            .Append("<text class=\"tick\" x=\"").Append(N(width / 2)).Append("\" y=\"").Append(baseline).Append("\" text-anchor=\"middle\">max ")
            .Append(N(max)).Append("</text>\n")
            .Append("</svg>\n");
        return svg.ToString();
    }

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
