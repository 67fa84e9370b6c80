using System.Text;
using System.Text.Json;

namespace Gitbrief.Site;

/// <summary>One shard of the search index as search.html lists it: its site-relative path, its month and repository,
/// and how many commits it holds.</summary>
internal sealed record SearchShard(string Path, string Month, string Repository, int Commits)
{
    /// <summary>The shards as JSON, newest month first then by repository; escaped so that it can sit in a script block.</summary>
    public static string ToJson(IReadOnlyList<SearchShard> shards)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, SearchIndex.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var shard in shards.OrderByDescending(s => s.Month, StringComparer.Ordinal).ThenBy(s => s.Repository, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("src", shard.Path);
                writer.WriteString("month", shard.Month);
                writer.WriteString("repository", shard.Repository);
                writer.WriteNumber("commits", shard.Commits);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
