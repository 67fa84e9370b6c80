using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gitbrief.Common;
using Polly;
using Polly.Retry;

namespace Gitbrief.Sources.GitHubApi;

/// <summary>A small client of the GitHub REST API over HttpClient: GET with conditional requests (ETag cache,
/// 304 reuses the cached body), pagination through <c>Link: rel="next"</c>, and rate limits honoured — an
/// exhausted primary limit waits for X-RateLimit-Reset (up to <see cref="GitHubApiOptions.MaxRateLimitWait"/>,
/// else the request fails with a clear message), 403/429 with Retry-After (secondary limits) wait and retry,
/// server errors and network failures retry with exponential back-off (Polly). One client serves every
/// repository of a run on the same API endpoint, so they share the rate-limit state.</summary>
internal sealed class GitHubApiClient : IDisposable
{
    private static readonly TimeSpan RetryAfterMargin = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient http;
    private readonly ResponseCache cache;
    private readonly TimeProvider time;
    private readonly ResiliencePipeline<ApiResponse> pipeline;
    private readonly Lock gate = new();
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;

    public GitHubApiClient(GitHubApiOptions options, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        Options = options;
        this.time = time ?? TimeProvider.System;
        cache = new ResponseCache(options.CacheDirectory);
        http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.All,
        })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        pipeline = new ResiliencePipelineBuilder<ApiResponse> { TimeProvider = this.time }
            .AddRetry(new RetryStrategyOptions<ApiResponse>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome)),
            })
            .Build();
    }

    public GitHubApiOptions Options { get; }

    /// <summary>GETs one resource (a path relative to the API root) and deserializes it.</summary>
    public async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var url = new Uri(Options.BaseUrl, path);
        var response = await GetAsync(url, cancellationToken).ConfigureAwait(false);
        return Deserialize(response.Body, type, url);
    }

    /// <summary>GETs every page of a list, following <c>Link: rel="next"</c>; <paramref name="stop"/> may end the
    /// walk early after a page (e.g. once an item older than needed was seen). A 409 (empty repository) is an empty list.</summary>
    public async Task<List<T>> GetPagesAsync<T>(
        string path, JsonTypeInfo<List<T>> type, CancellationToken cancellationToken, Func<IReadOnlyList<T>, bool>? stop = null)
    {
        var items = new List<T>();
        Uri? url = new(Options.BaseUrl, path);
        while (url is not null)
        {
            var response = await GetAsync(url, cancellationToken, allowConflict: true).ConfigureAwait(false);
            if (response.Status == HttpStatusCode.Conflict)
            {
                return items;
            }
            var page = Deserialize(response.Body, type, url);
            items.AddRange(page);
            if (page.Count == 0 || (stop is not null && stop(page)))
            {
                break;
            }
            url = NextPage(response.Link, url);
        }
        return items;
    }

    private Uri? NextPage(string? link, Uri current)
    {
        var next = LinkHeader.Find(link, "next");
        if (next is null)
        {
            return null;
        }
        if (!Uri.TryCreate(current, next, out var uri) || !SameOrigin(uri, Options.BaseUrl))
        {
            // The token goes to the configured API host only.
            throw new RepositoryException($"GitHub API: the next-page link of {Describe(current)} leaves {Options.BaseUrl.GetLeftPart(UriPartial.Authority)}");
        }
        return uri;
    }

    private async Task<ApiResponse> GetAsync(Uri url, CancellationToken cancellationToken, bool allowConflict = false)
    {
        var key = url.AbsoluteUri;
        var cached = await cache.FindAsync(key, cancellationToken).ConfigureAwait(false);
        ApiResponse response;
        try
        {
            response = await pipeline.ExecuteAsync(
                async token => await SendAsync(url, cached?.ETag, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RepositoryException($"GitHub API: cannot reach {Options.BaseUrl.GetLeftPart(UriPartial.Authority)}: {OneLine(e.Message)}");
        }
        catch (TimeoutException)
        {
            throw new RepositoryException($"GitHub API: {Describe(url)} timed out after {Options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (retried {Options.MaxRetries} times)");
        }
        switch (response.Status)
        {
            case HttpStatusCode.NotModified when cached is not null:
                return response with { Status = HttpStatusCode.OK, Body = cached.Body, ETag = cached.ETag };
            case HttpStatusCode.OK:
                if (response.ETag is { Length: > 0 } etag)
                {
                    await cache.SaveAsync(new CachedResponse(key, etag, response.Body), cancellationToken).ConfigureAwait(false);
                }
                return response;
            case HttpStatusCode.Conflict when allowConflict:
                return response;
            default:
                throw Failure(url, response);
        }
    }

    /// <summary>One attempt: waits out an exhausted primary limit, then sends the request.</summary>
    private async Task<ApiResponse> SendAsync(Uri url, string? etag, CancellationToken cancellationToken)
    {
        await WaitForResetAsync(url, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd("gitbrief");
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        if (Options.Token is { } token)
        {
            if (UrlSecrecy.IsPlainHttpOffLoopback(url))
            {
                // The config refuses such an api_url; this is the last line of defence for the token.
                throw new RepositoryException($"GitHub API {UrlSecrecy.Origin(url)} {UrlSecrecy.PlainHttpProblem}");
            }
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(Options.Timeout);
        try
        {
            using var message = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            var response = await ApiResponse.ReadAsync(message, attempt.Token).ConfigureAwait(false);
            if (response.IsRateLimitExhausted && response.ResetsAt is { } reset)
            {
                lock (gate)
                {
                    pausedUntil = reset > pausedUntil ? reset : pausedUntil;
                }
            }
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException();
        }
    }

    /// <summary>After a response said the primary limit is used up, no request is sent before it resets.</summary>
    private async Task WaitForResetAsync(Uri url, CancellationToken cancellationToken)
    {
        DateTimeOffset until;
        lock (gate)
        {
            until = pausedUntil;
        }
        var wait = until - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }
        if (wait > Options.MaxRateLimitWait)
        {
            throw RateLimitFailure(url, until);
        }
        // One extra second: the reset is given in whole seconds.
        await Task.Delay(wait + TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
    }

    private bool ShouldRetry(Outcome<ApiResponse> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutException;
        }
        var response = outcome.Result!;
        var status = (int)response.Status;
        if (status >= 500)
        {
            return true;
        }
        if (status is 403 or 429)
        {
            if (response.RetryAfterDelay is { } retryAfter)
            {
                return retryAfter <= Options.MaxRateLimitWait;
            }
            if (response.IsRateLimitExhausted)
            {
                return response.ResetsAt is { } reset && reset - time.GetUtcNow() <= Options.MaxRateLimitWait;
            }
            return status == 429;
        }
        return false;
    }

    /// <summary>The wait the server asked for: Retry-After, or until the primary limit resets; null for the back-off.</summary>
    private TimeSpan? ServerDelay(Outcome<ApiResponse> outcome)
    {
        if (outcome.Result is not { } response)
        {
            return null;
        }
        if (response.RetryAfterDelay is { } retryAfter)
        {
            // A little more than asked: timers may fire a moment early, and the wait is a minimum.
            return retryAfter + RetryAfterMargin;
        }
        if (response.IsRateLimitExhausted && response.ResetsAt is { } reset)
        {
            var wait = reset - time.GetUtcNow() + TimeSpan.FromSeconds(1);
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        }
        return null;
    }

    private RepositoryException Failure(Uri url, ApiResponse response)
    {
        var status = (int)response.Status;
        var message = ErrorMessage(response.Body);
        if (status is 403 or 429 && response.IsRateLimitExhausted)
        {
            return RateLimitFailure(url, response.ResetsAt);
        }
        if (status is 403 or 429 && response.RetryAfterDelay is not null)
        {
            return new RepositoryException($"GitHub API: secondary rate limit on {Describe(url)} still in force after {Options.MaxRetries} retries: {message}");
        }
        return status switch
        {
            401 => new RepositoryException($"GitHub API: 401 {message} (check GITHUB_TOKEN or TOKEN)"),
            404 => new RepositoryException($"GitHub API: {Describe(url)} not found (404){(Options.Token is null ? "; a private repository needs GITHUB_TOKEN or TOKEN" : "")}"),
            _ => new RepositoryException($"GitHub API: {Describe(url)} answered {status.ToString(CultureInfo.InvariantCulture)}: {message}"),
        };
    }

    private RepositoryException RateLimitFailure(Uri url, DateTimeOffset? reset)
    {
        var when = reset is { } r ? $" until {r.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC" : "";
        var cap = Options.MaxRateLimitWait.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture);
        var hint = Options.Token is null ? "; set GITHUB_TOKEN for 5,000 requests an hour" : "";
        return new RepositoryException($"GitHub API: rate limit exhausted{when} (longer than the {cap} min Gitbrief waits) at {Describe(url)}{hint}");
    }

    private static T Deserialize<T>(string body, JsonTypeInfo<T> type, Uri url)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new RepositoryException($"GitHub API: {Describe(url)} answered with unexpected JSON: {OneLine(e.Message)}");
        }
    }

    private static string ErrorMessage(string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, GitHubJsonContext.Default.ErrorPayload)?.Message is { Length: > 0 } message)
            {
                return OneLine(message);
            }
        }
        catch (JsonException)
        {
        }
        return body.Length == 0 ? "(no message)" : OneLine(body);
    }

    /// <summary>The request as shown in errors: path and query, no host (and never a header).</summary>
    private static string Describe(Uri url) => "GET " + url.PathAndQuery;

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    public void Dispose() => http.Dispose();
}
