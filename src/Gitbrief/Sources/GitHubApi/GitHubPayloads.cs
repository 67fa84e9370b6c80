using System.Text.Json.Serialization;

namespace Gitbrief.Sources.GitHubApi;

// The parts of GitHub REST API payloads that Gitbrief reads (snake_case on the wire). Unknown fields are ignored.

/// <summary>GET /repos/{owner}/{repo}</summary>
internal sealed record RepositoryPayload(string? DefaultBranch, string? FullName);

/// <summary>An item of GET /repos/{owner}/{repo}/commits, and the commit of GET /repos/{owner}/{repo}/commits/{sha}
/// (which adds <see cref="Files"/>).</summary>
internal sealed record CommitPayload(
    string Sha,
    GitCommitPayload Commit,
    IReadOnlyList<ParentPayload>? Parents,
    IReadOnlyList<FilePayload>? Files);

internal sealed record GitCommitPayload(SignaturePayload? Author, SignaturePayload? Committer, string? Message);

/// <summary>Name, email and date as recorded in the commit. GitHub gives the date in UTC ('Z'), without the original offset.</summary>
internal sealed record SignaturePayload(string? Name, string? Email, DateTimeOffset? Date);

internal sealed record ParentPayload(string Sha);

/// <summary>One file of a commit: status is added, modified, removed, renamed, copied, changed or unchanged;
/// <see cref="Patch"/> is missing for binary files and for diffs too large for the API.</summary>
internal sealed record FilePayload(
    string Filename,
    string? PreviousFilename,
    string? Status,
    int Additions,
    int Deletions,
    string? Patch);

/// <summary>An item of GET /repos/{owner}/{repo}/commits/{sha}/pulls.</summary>
internal sealed record PullRequestPayload(
    int Number,
    string? Title,
    string? State,
    DateTimeOffset? MergedAt,
    IReadOnlyList<LabelPayload>? Labels,
    BranchRefPayload? Base);

internal sealed record LabelPayload(string? Name);

internal sealed record BranchRefPayload(string? Ref);

/// <summary>The body of an error response: GitHub's message, and for a validation failure (422) what was wrong.</summary>
internal sealed record ErrorPayload(string? Message, IReadOnlyList<ErrorDetailPayload>? Errors);

internal sealed record ErrorDetailPayload(string? Message);

/// <summary>A cached response: the ETag GitHub sent and the body it belongs to (never a header of the request).</summary>
internal sealed record CachedResponse(string Url, string ETag, string Body);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RepositoryPayload))]
[JsonSerializable(typeof(CommitPayload))]
[JsonSerializable(typeof(List<CommitPayload>))]
[JsonSerializable(typeof(List<PullRequestPayload>))]
[JsonSerializable(typeof(ErrorPayload))]
[JsonSerializable(typeof(CachedResponse))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
