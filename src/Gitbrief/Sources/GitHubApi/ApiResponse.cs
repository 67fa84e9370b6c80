using System.Globalization;
using System.Net;

namespace Gitbrief.Sources.GitHubApi;

/// <summary>One answer of the GitHub API with the headers Gitbrief acts on (the body already read).</summary>
internal sealed record ApiResponse(
    HttpStatusCode Status,
    string Body,
    string? ETag,
    string? Link,
    string? RateLimitRemaining,
    string? RateLimitReset,
    string? RetryAfter)
{
    public bool IsRateLimitExhausted => RateLimitRemaining == "0";

    /// <summary>When the primary rate limit resets (X-RateLimit-Reset, epoch seconds), if given.</summary>
    public DateTimeOffset? ResetsAt =>
        long.TryParse(RateLimitReset, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) ? DateTimeOffset.FromUnixTimeSeconds(epoch) : null;

    /// <summary>Retry-After in seconds (GitHub's secondary rate limits), if given.</summary>
    public TimeSpan? RetryAfterDelay =>
        double.TryParse(RetryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = response.StatusCode == HttpStatusCode.NotModified
            ? string.Empty
            : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new ApiResponse(
            response.StatusCode,
            body,
            response.Headers.ETag?.ToString(),
            Header(response, "Link"),
            Header(response, "X-RateLimit-Remaining"),
            Header(response, "X-RateLimit-Reset"),
            Header(response, "Retry-After"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
