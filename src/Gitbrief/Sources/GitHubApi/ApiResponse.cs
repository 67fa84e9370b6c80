using System.Net;
using Gitbrief.Http;

namespace Gitbrief.Sources.GitHubApi;

/// <summary>One answer of the GitHub API with the headers Gitbrief acts on (the body already read).</summary>
/// <param name="RetryAfter">The wait Retry-After asks for (GitHub's secondary rate limits), if given.</param>
/// <param name="IsRateLimitExhausted">X-RateLimit-Remaining was 0: the primary rate limit is used up.</param>
/// <param name="ResetsAt">When the primary rate limit resets (X-RateLimit-Reset), if given.</param>
internal sealed record ApiResponse(
    HttpStatusCode Status,
    string Body,
    string? ETag,
    string? Link,
    TimeSpan? RetryAfter,
    bool IsRateLimitExhausted,
    DateTimeOffset? ResetsAt)
{
    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = response.StatusCode == HttpStatusCode.NotModified
            ? string.Empty
            : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var header = RateLimitHeaders.From(response.Headers);
        return new ApiResponse(
            response.StatusCode,
            body,
            response.Headers.ETag?.ToString(),
            header("Link")?.Trim(),
            RateLimitHeaders.RetryAfter(response.Headers, now),
            RateLimitHeaders.IsGitHubLimitExhausted(header),
            RateLimitHeaders.GitHubReset(header));
    }
}
