using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gitbrief.Rendering;

// The JSON report, one file per repository-day (docs/json-report.md). Property order is the output order.
// Partial is written (as true) only for a day that was not over when the report was made.

internal sealed record JsonReport(
    int SchemaVersion,
    string Date,
    string TimeZone,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Partial,
    JsonWindow Window,
    JsonRepository Repository,
    JsonStats Stats,
    IReadOnlyList<string> Highlights,
    IReadOnlyList<JsonTheme>? Themes,
    IReadOnlyList<JsonCommit> Commits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonLlmRun? Llm = null);

/// <summary>Present only when the LLM analyzer ran: the model and how many analyses fell back to the rules. What the
/// requests cost (requests, tokens, cache hits, time) depends on the cache and the clock, not on the inputs, so it is
/// printed and kept in the store, never written here: the same inputs give the same bytes.</summary>
internal sealed record JsonLlmRun(string Model, int Fallbacks);

/// <summary>A theme of the day; <c>themes</c> is absent from reports written before themes existed.</summary>
internal sealed record JsonTheme(
    string Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Summary,
    string Level,
    IReadOnlyList<string> Commits,
    JsonThemeCounts Counts);

internal sealed record JsonThemeCounts(int High, int Medium, int Low);

internal sealed record JsonWindow(string Start, string End);

internal sealed record JsonRepository(string Name, string? Url, string Branch);

internal sealed record JsonStats(int Total, int High, int Medium, int Low);

internal sealed record JsonPerson(string Name, string Email);

internal sealed record JsonCommit(
    string Sha,
    string ShortSha,
    string Title,
    string Message,
    JsonPerson Author,
    JsonPerson Committer,
    string AuthoredAt,
    string CommittedAt,
    IReadOnlyList<string> Parents,
    int? PullRequest,
    string? Url,
    string? PullRequestUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PullRequestTitle,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? PullRequestLabels,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? FilesTruncated,
    string Importance,
    int Score,
    IReadOnlyList<JsonReason> Reasons,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Muted,
    IReadOnlyList<string> ChangeTypes,
    string? Scope,
    IReadOnlyList<string> Signals,
    IReadOnlyList<JsonFile> Files,
    JsonAnalysis Analysis);

internal sealed record JsonReason(string Code, int Points, string Detail);

/// <summary>A file of a commit: a value, so that a report's files are written straight from its entries (<see cref="JsonFiles"/>)
/// without an object per file (a commit touching 20,000 files, bench/README.md "wide4").</summary>
internal readonly record struct JsonFile(string Path, string? OldPath, string Status, int Additions, int Deletions, bool Binary, string Role);

internal sealed record JsonComponent(string Path, int Files, int Additions, int Deletions);

internal sealed record JsonInsight(string Text, string? Severity);

internal sealed record JsonInsights(IReadOnlyList<JsonInsight> Architecture, IReadOnlyList<JsonInsight> Performance, IReadOnlyList<JsonInsight> Security);

internal sealed record JsonAnalysis(
    string Source,
    IReadOnlyList<string> ChangeTypes,
    IReadOnlyList<string> Summary,
    IReadOnlyList<JsonComponent> Components,
    IReadOnlyList<string> Impact,
    JsonInsights? Insights,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> Recommendations,
    string? FallbackReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LlmImportance = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class JsonReportContext : JsonSerializerContext;

/// <summary>The report's writer: the same options as <see cref="JsonReportContext"/>, serialization only. Its type information
/// is the source generator's direct writer and nothing else, so writing a report never builds the property metadata of every
/// type of the model (what reading needs: ~5% of a day without commits); the bytes are the same.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class JsonReportWriterContext : JsonSerializerContext
{
    /// <summary>Writes <paramref name="report"/> with the generator's direct writer, as <c>JsonSerializer.Serialize</c> with
    /// this context's <c>JsonReport</c> does, without building that type information first (its options, caches and
    /// converters: ~3% of a day without commits, bench/README.md, "start9"); the same bytes.</summary>
    internal static void Write(Utf8JsonWriter writer, JsonReport report) => Default.JsonReportSerializeHandler(writer, report);
}
