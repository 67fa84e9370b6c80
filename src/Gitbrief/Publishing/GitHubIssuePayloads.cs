using System.Text.Json.Serialization;

namespace Gitbrief.Publishing;

// The parts of GitHub's issue payloads that the github-issue target reads and writes (snake_case on the wire).
// Unknown fields are ignored; what is written is exactly the fields of the record, nothing else.

/// <summary>An item of GET /repos/{owner}/{repo}/issues, and the answer of POST and PATCH. A pull request is
/// listed too, with <see cref="PullRequest"/> set.</summary>
internal sealed record IssuePayload(int Number, string? Title, string? Body, DateTimeOffset CreatedAt, PullRequestLinkPayload? PullRequest);

internal sealed record PullRequestLinkPayload(string? Url);

/// <summary>POST /repos/{owner}/{repo}/issues.</summary>
internal sealed record NewIssuePayload(string Title, string Body, IReadOnlyList<string> Labels);

/// <summary>PATCH of the body alone: title, labels, assignees and milestone stay as they are.</summary>
internal sealed record BodyPatchPayload(string Body);

/// <summary>PATCH that closes an issue as done.</summary>
internal sealed record ClosePatchPayload(string State, string StateReason)
{
    public static ClosePatchPayload Completed { get; } = new("closed", "completed");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(IssuePayload))]
[JsonSerializable(typeof(List<IssuePayload>))]
[JsonSerializable(typeof(NewIssuePayload))]
[JsonSerializable(typeof(BodyPatchPayload))]
[JsonSerializable(typeof(ClosePatchPayload))]
internal sealed partial class GitHubIssueJsonContext : JsonSerializerContext;
