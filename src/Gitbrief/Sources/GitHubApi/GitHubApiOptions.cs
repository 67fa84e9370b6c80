namespace Gitbrief.Sources.GitHubApi;

/// <summary>How Gitbrief talks to one GitHub REST API endpoint. The token is only ever sent as the
/// Authorization header of requests to <see cref="BaseUrl"/>; it is never written anywhere.</summary>
internal sealed record GitHubApiOptions
{
    public const string DefaultBaseUrl = "https://api.github.com/";

    /// <summary>The API root, ending with a slash: https://api.github.com/ or https://host/api/v3/.</summary>
    public required Uri BaseUrl { get; init; }

    public string? Token { get; init; }

    /// <summary>Directory of the ETag cache (&lt;cache-dir&gt;/github-api); null: no cache (every GET is sent whole).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Commit detail (and pull-request) requests in flight at once, per repository.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>The longest wait for an exhausted rate limit to reset; a longer one fails the repository.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Retries of one request (server errors, secondary rate limits, network failures; a POST: rate limits only).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>First back-off delay for server errors (doubled each retry, with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time-out of one request.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The API root for a repository on <paramref name="host"/>: api.github.com for github.com,
    /// https://host/api/v3/ for GitHub Enterprise Server.</summary>
    public static string DefaultFor(string host) =>
        host.Equals("github.com", StringComparison.OrdinalIgnoreCase) || host.Equals("www.github.com", StringComparison.OrdinalIgnoreCase)
            ? DefaultBaseUrl
            : $"https://{host}/api/v3/";

    /// <summary>Makes sure the URL ends with a slash, so relative paths append to it.</summary>
    public static Uri Normalize(string url) => new(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
}
