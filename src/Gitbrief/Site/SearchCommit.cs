using System.Text.Json.Serialization;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>What a search shard shows of a commit (<see cref="SearchIndex"/>): a report's commits read with only these
/// fields, the rest of the report skipped unread. A new day renders its month's shard again, whose other days' reports no
/// other page needs whole: reading them this way makes no object of their messages, reasons and analyses.</summary>
internal sealed record SearchCommit(string Sha, string ShortSha, string Title, SearchPerson Author, string Importance, IReadOnlyList<SearchFile> Files)
{
    /// <summary>The same fields of a commit of a report read whole.</summary>
    public static SearchCommit Of(JsonCommit commit) =>
        new(commit.Sha, commit.ShortSha, commit.Title, new SearchPerson(commit.Author.Name), commit.Importance, [.. commit.Files.Select(f => new SearchFile(f.Path))]);
}

internal sealed record SearchPerson(string Name);

internal readonly record struct SearchFile(string Path);

/// <summary>A report as its search shard reads it.</summary>
internal sealed record SearchReport(IReadOnlyList<SearchCommit> Commits);

/// <summary>Reads <see cref="SearchReport"/> with the report's own names (camelCase, as <see cref="JsonReportContext"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SearchReport))]
internal sealed partial class SearchReportContext : JsonSerializerContext;
