using System.Globalization;
using System.Net;
using System.Text;

namespace Gitbrief.Server.Dashboard;

/// <summary>The Gitbrief page of the dashboard (/): each queued day's units by state, its publish, and what its LLM
/// requests cost; links to Hangfire's own pages (/hangfire) for jobs, retries and servers.</summary>
internal static class FleetPage
{
    public static string Render(IReadOnlyList<DayState> days, DateTimeOffset now)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Gitbrief fleet</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}")
            .Append("td:first-child,th:first-child{text-align:left}.failed{color:#b00}</style></head><body>\n")
            .Append("<h1>Gitbrief fleet</h1>\n<p><a href=\"hangfire\">Jobs, retries and servers (Hangfire)</a> · ")
            .Append(WebUtility.HtmlEncode(now.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))).Append("</p>\n")
            .Append("<table><thead><tr><th>day</th><th>units</th><th>done</th><th>failed</th><th>running</th><th>pending</th><th>commits</th>")
            .Append("<th>LLM requests</th><th>cache hits</th><th>tokens in</th><th>tokens out</th><th>published</th></tr></thead><tbody>\n");
        foreach (var day in days)
        {
            var u = day.Units;
            html.Append("<tr><td>").Append(day.IsoDay).Append("</td>");
            foreach (var n in new long[] { u.Total, u.Done, u.Failed, u.Running, u.Pending, day.Commits, day.LlmRequests, day.LlmCacheHits, day.LlmInputTokens, day.LlmOutputTokens })
            {
                html.Append("<td>").Append(n.ToString("N0", CultureInfo.InvariantCulture)).Append("</td>");
            }
            html.Append("<td>").Append(WebUtility.HtmlEncode(Published(day))).Append("</td></tr>\n");
        }
        html.Append("</tbody></table>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>When the day went out and how many reports, or why not yet.</summary>
    public static string Published(DayState day) => day switch
    {
        { PublishError: { } error } => "failed: " + error,
        { PublishedAt: { } at } => $"{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC ({day.PublishedUnits.GetValueOrDefault().ToString(CultureInfo.InvariantCulture)} reports)",
        { Units.AllFinished: true } => "publishing",
        _ => "waiting (deadline " + day.Deadline.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC)",
    };
}
