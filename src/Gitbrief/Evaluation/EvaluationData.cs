using System.Text.Json.Serialization;

namespace Gitbrief.Evaluation;

// The files of an evaluation set (docs/evaluation.md): captured repository-days and hand labels.

/// <summary>One repository-day as Gitbrief read it: the commits (files and line counts, as a report reads them) and the
/// repository profile (source files and recent changes per directory, as [files, changes]).</summary>
internal sealed record CapturedDay(
    string Repository,
    string Date,
    string TimeZone,
    IReadOnlyDictionary<string, int[]> Profile,
    IReadOnlyList<CapturedCommit> Commits);

internal sealed record CapturedCommit(
    string Sha,
    IReadOnlyList<string> Parents,
    CapturedPerson Author,
    string AuthoredAt,
    CapturedPerson Committer,
    string CommittedAt,
    string Message,
    IReadOnlyList<CapturedFile> Files);

internal sealed record CapturedPerson(string Name, string Email);

/// <summary>A file of a captured commit; <see cref="Lines"/> are its changed lines ("+added", "-removed") when the commit
/// was small enough for the ranking to read them (then every file of the commit has a list, maybe empty).</summary>
internal sealed record CapturedFile(
    string Path, string? OldPath, string Status, int Additions, int Deletions, bool Binary, IReadOnlyList<string>? Lines = null);

/// <summary>A hand label: the level by the rubric and a one-line reason.</summary>
internal sealed record EvaluationLabel(string Sha, string Date, string Title, string Level, string Rationale);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 1,
    NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CapturedDay))]
[JsonSerializable(typeof(EvaluationLabel))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
