using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>search-index.json: one entry per commit (title, author, file paths, the day page's URL with the
/// commit's fragment), newest day first. The encoder escapes &lt; &gt; &amp; ' and " as \uXXXX, so the JSON can also sit
/// inside a <c>&lt;script type="application/json"&gt;</c> block without a title like <c>&lt;/script&gt;</c> breaking out.</summary>
internal static class SearchIndex
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    public static string Render(IReadOnlyList<SiteDay> days)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartArray();
            foreach (var day in days.OrderByDescending(d => d.Date).ThenBy(d => d.Name, StringComparer.Ordinal))
            {
                foreach (var commit in day.Report.Commits)
                {
                    writer.WriteStartObject();
                    writer.WriteString("url", day.PagePath + "#" + DayPage.CommitAnchor(commit));
                    writer.WriteString("repository", day.Name);
                    writer.WriteString("date", day.IsoDate);
                    writer.WriteString("importance", DayPage.Level(commit));
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
