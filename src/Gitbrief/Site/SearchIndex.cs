using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>The search index, written once, in shards: <c>search/&lt;repo-name&gt;/&lt;YYYY-MM&gt;.js</c> holds one month of one
/// repository as <c>gitbriefSearch([...]);</c> — one entry per commit (title, author, file paths, the day page's URL with
/// the commit's fragment), newest day first. search.html lists the shards and site.js loads them as scripts (so search
/// works from <c>file://</c> too) when the reader first searches; a new day changes one shard. The encoder escapes
/// &lt; &gt; &amp; ' and " as \uXXXX, so no title can end the script or a tag around it.</summary>
internal static class SearchIndex
{
    /// <summary>Compact, and escaped for a script block.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <summary>The site-relative path of the shard holding a repository's month.</summary>
    public static string ShardPath(string name, DateOnly date) =>
        "search/" + name + "/" + date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) + ".js";

    /// <summary>A shard: the days' commits, newest day first, as a call of the site script's loader.</summary>
    public static string RenderShard(IReadOnlyList<(SiteDay Day, IReadOnlyList<SearchCommit> Commits)> days) => "gitbriefSearch(" + Render(days) + ");\n";

    private static string Render(IReadOnlyList<(SiteDay Day, IReadOnlyList<SearchCommit> Commits)> days)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var (day, commits) in days.OrderByDescending(d => d.Day.Date).ThenBy(d => d.Day.Name, StringComparer.Ordinal))
            {
                foreach (var commit in commits)
                {
                    writer.WriteStartObject();
                    writer.WriteString("url", day.PagePath + "#" + DayPage.CommitAnchor(commit.Sha));
                    writer.WriteString("repository", day.Name);
                    writer.WriteString("date", day.IsoDate);
                    writer.WriteString("importance", DayPage.Level(commit.Importance));
                    writer.WriteString("sha", commit.ShortSha);
                    // Shown by site.js as text: without bidirectional controls, like every rendered string.
                    writer.WriteString("title", BidiControls.Strip(commit.Title));
                    writer.WriteString("author", BidiControls.Strip(commit.Author.Name));
                    writer.WriteStartArray("paths");
                    foreach (var file in commit.Files)
                    {
                        writer.WriteStringValue(BidiControls.Strip(file.Path));
                    }
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
