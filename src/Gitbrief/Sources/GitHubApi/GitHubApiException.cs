using System.Net;
using Gitbrief.Common;

namespace Gitbrief.Sources.GitHubApi;

/// <summary>A GitHub API request that failed: its one-line message (method and path, never a header or the host's
/// secrets), and for an HTTP answer its status, GitHub's message and the first detail of its <c>errors</c> list, so
/// a caller can word its own error (the issue target) or act on the status (a deleted issue is a 404 or 410).</summary>
internal sealed class GitHubApiException(string message, HttpStatusCode? status = null, string? serverMessage = null, string? detail = null)
    : RepositoryException(message)
{
    /// <summary>The HTTP status, or null when no answer came (connection failure, time-out).</summary>
    public HttpStatusCode? Status { get; } = status;

    /// <summary>GitHub's "message" (one line), or the body's first 200 characters.</summary>
    public string? ServerMessage { get; } = serverMessage;

    /// <summary>The first message of GitHub's "errors" list (validation failures), if any.</summary>
    public string? Detail { get; } = detail;
}
