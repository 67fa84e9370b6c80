using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gitbrief.Common;
using Gitbrief.Http;
using Polly;

namespace Gitbrief.Sources.GitHubApi;

/// <summary>Gitbrief's one client of the GitHub REST API, over HttpClient with System.Text.Json source-generated
/// payloads (Native AOT safe): the GitHub API source and pull-request lookups read through it, the github-issue
/// target lists, creates and updates issues through it. GETs are conditional (ETag cache, 304 reuses the cached
/// body) when a cache directory is given; lists are paged through <c>Link: rel="next"</c>. Rate limits are
/// honoured: an exhausted primary limit waits for X-RateLimit-Reset (up to <see cref="GitHubApiOptions.MaxRateLimitWait"/>,
/// else the request fails with a clear message), 403/429 with Retry-After (secondary limits) wait and retry, server
/// errors and network failures retry with exponential back-off (<see cref="RetryPolicy"/>) — except a POST, which is
/// retried only when GitHub said it did nothing (a rate limit), so an issue is never created twice. One client serves
/// every request to the same API endpoint, so they share the rate-limit state.</summary>
internal sealed class GitHubApiClient : IDisposable
{
    private readonly HttpClient http;
    private readonly ResponseCache? cache;
    private readonly TimeProvider time;
    private readonly ResiliencePipeline<ApiResponse> retries;
    private readonly ResiliencePipeline<ApiResponse> creations;
    private readonly Lock gate = new();
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;

    public GitHubApiClient(GitHubApiOptions options, TimeProvider? time = null)
    {
        Options = options;
        this.time = time ?? TimeProvider.System;
        cache = options.CacheDirectory is { } directory ? new ResponseCache(directory) : null;
        http = HttpTransport.Client(HttpTransport.Handler(decompress: true));
        var policy = new RetryPolicy(Math.Max(1, options.MaxRetries), options.RetryDelay, options.MaxRateLimitWait);
        retries = policy.Build<ApiResponse>(this.time, ServerWait, IsWorthRetrying);
        creations = policy.Build<ApiResponse>(this.time, ServerWait, outcome => outcome.Result is { } response && IsRateLimited(response));
    }

    public GitHubApiOptions Options { get; }

    /// <summary>GETs one resource (a path relative to the API root) and deserializes it.</summary>
    public async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var url = new Uri(Options.BaseUrl, path);
        var response = await SendAsync(HttpMethod.Get, url, null, cancellationToken).ConfigureAwait(false);
        return Deserialize(response.Body, type, HttpMethod.Get, url);
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
            var response = await SendAsync(HttpMethod.Get, url, null, cancellationToken, allowConflict: true).ConfigureAwait(false);
            if (response.Status == HttpStatusCode.Conflict)
            {
                return items;
            }
            var page = Deserialize(response.Body, type, HttpMethod.Get, url);
            items.AddRange(page);
            if (page.Count == 0 || (stop is not null && stop(page)))
            {
                break;
            }
            url = NextPage(response.Link, url);
        }
        return items;
    }

    /// <summary>POSTs (creates) or PATCHes (changes) a resource with a JSON body and deserializes the answer.
    /// Only the fields of <paramref name="body"/> are sent.</summary>
    public async Task<TResult> SendAsync<TBody, TResult>(
        HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        var url = new Uri(Options.BaseUrl, path);
        var json = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        var response = await SendAsync(method, url, json, cancellationToken).ConfigureAwait(false);
        return Deserialize(response.Body, resultType, method, url);
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
            throw new GitHubApiException($"GitHub API: the next-page link of {Describe(HttpMethod.Get, current)} leaves {Options.BaseUrl.GetLeftPart(UriPartial.Authority)}");
        }
        return uri;
    }

    private async Task<ApiResponse> SendAsync(HttpMethod method, Uri url, byte[]? json, CancellationToken cancellationToken, bool allowConflict = false)
    {
        var key = url.AbsoluteUri;
        var cached = method == HttpMethod.Get && cache is not null ? await cache.FindAsync(key, cancellationToken).ConfigureAwait(false) : null;
        var attempts = 0;
        ApiResponse response;
        try
        {
            response = await (method == HttpMethod.Post ? creations : retries).ExecuteAsync(
                async token =>
                {
                    Interlocked.Increment(ref attempts);
                    return await AttemptAsync(method, url, json, cached?.ETag, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new GitHubApiException($"GitHub API: cannot reach {Options.BaseUrl.GetLeftPart(UriPartial.Authority)}: {OneLine(e.Message)}");
        }
        catch (TimeoutException)
        {
            throw new GitHubApiException(string.Create(CultureInfo.InvariantCulture,
                $"GitHub API: {Describe(method, url)} timed out after {Options.Timeout.TotalSeconds} s ({attempts} attempt{(attempts == 1 ? "" : "s")})"));
        }
        switch (response.Status)
        {
            case HttpStatusCode.NotModified when cached is not null:
                return response with { Status = HttpStatusCode.OK, Body = cached.Body, ETag = cached.ETag };
            case >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices:
                if (cache is not null && method == HttpMethod.Get && response.Status == HttpStatusCode.OK && response.ETag is { Length: > 0 } etag)
                {
                    await cache.SaveAsync(new CachedResponse(key, etag, response.Body), cancellationToken).ConfigureAwait(false);
                }
                return response;
            case HttpStatusCode.Conflict when allowConflict:
                return response;
            default:
                throw Failure(method, url, response, attempts);
        }
    }

    /// <summary>One attempt: waits out an exhausted primary limit, then sends the request.</summary>
    private async Task<ApiResponse> AttemptAsync(HttpMethod method, Uri url, byte[]? json, string? etag, CancellationToken cancellationToken)
    {
        await WaitForResetAsync(method, url, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd("gitbrief");
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        if (Options.Token is { } token)
        {
            if (UrlSecrecy.IsPlainHttpOffLoopback(url))
            {
                // The config refuses such an api_url; this is the last line of defence for the token.
                throw new GitHubApiException($"GitHub API {UrlSecrecy.Origin(url)} {UrlSecrecy.PlainHttpProblem}");
            }
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(Options.Timeout);
        try
        {
            using var message = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            var response = await ApiResponse.ReadAsync(message, time.GetUtcNow(), attempt.Token).ConfigureAwait(false);
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
    private async Task WaitForResetAsync(HttpMethod method, Uri url, CancellationToken cancellationToken)
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
            throw RateLimitFailure(method, url, HttpStatusCode.Forbidden, until);
        }
        // One extra second: the reset is given in whole seconds.
        await Task.Delay(wait + TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Idempotent requests: network failures, time-outs, server errors and rate limits are worth another attempt.</summary>
    private static bool IsWorthRetrying(Outcome<ApiResponse> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutException;
        }
        var response = outcome.Result!;
        return (int)response.Status >= 500 || IsRateLimited(response);
    }

    /// <summary>A rate limit: GitHub did nothing and says when to come back (or, a bare 429, to back off).</summary>
    private static bool IsRateLimited(ApiResponse response) => (int)response.Status switch
    {
        403 or 429 when response.RetryAfter is not null => true,
        403 or 429 when response.IsRateLimitExhausted => response.ResetsAt is not null,
        429 => true,
        _ => false,
    };

    /// <summary>The wait the server asked for: Retry-After, or until the primary limit resets; null for the back-off.</summary>
    private TimeSpan? ServerWait(Outcome<ApiResponse> outcome)
    {
        if (outcome.Result is not { } response)
        {
            return null;
        }
        if (response.RetryAfter is { } retryAfter)
        {
            return retryAfter;
        }
        if (response.IsRateLimitExhausted && response.ResetsAt is { } reset)
        {
            var wait = reset - time.GetUtcNow() + TimeSpan.FromSeconds(1);
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        }
        return null;
    }

    private GitHubApiException Failure(HttpMethod method, Uri url, ApiResponse response, int attempts)
    {
        var status = response.Status;
        var (message, detail) = ErrorMessage(response.Body);
        if ((int)status is 403 or 429 && response.IsRateLimitExhausted)
        {
            return RateLimitFailure(method, url, status, response.ResetsAt, message);
        }
        if ((int)status is 403 or 429 && response.RetryAfter is { } retryAfter)
        {
            var why = retryAfter > Options.MaxRateLimitWait
                ? string.Create(CultureInfo.InvariantCulture, $"asks to wait {retryAfter.TotalSeconds:0} s, longer than the {Cap} min Gitbrief waits")
                : string.Create(CultureInfo.InvariantCulture, $"still in force after {attempts} attempts");
            return new GitHubApiException($"GitHub API: secondary rate limit on {Describe(method, url)} {why}: {message}", status, message, detail);
        }
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        var text = status switch
        {
            HttpStatusCode.Unauthorized => $"GitHub API: 401 {message} (check GITHUB_TOKEN or TOKEN)",
            HttpStatusCode.NotFound => $"GitHub API: {Describe(method, url)} not found (404){(Options.Token is null ? "; a private repository needs GITHUB_TOKEN or TOKEN" : "")}",
            _ => $"GitHub API: {Describe(method, url)} answered {code}: {message}{(detail is null ? "" : ": " + detail)}",
        };
        return new GitHubApiException(text, status, message, detail);
    }

    private GitHubApiException RateLimitFailure(HttpMethod method, Uri url, HttpStatusCode status, DateTimeOffset? reset, string? message = null)
    {
        var when = reset is { } r ? $" until {r.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC" : "";
        var hint = Options.Token is null ? "; set GITHUB_TOKEN for 5,000 requests an hour" : "";
        return new GitHubApiException($"GitHub API: rate limit exhausted{when} (longer than the {Cap} min Gitbrief waits) at {Describe(method, url)}{hint}",
            status, message ?? "rate limit exhausted");
    }

    /// <summary>The longest wait for a rate limit, in minutes, as errors show it.</summary>
    private string Cap => Options.MaxRateLimitWait.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture);

    private static T Deserialize<T>(string body, JsonTypeInfo<T> type, HttpMethod method, Uri url)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new GitHubApiException($"GitHub API: {Describe(method, url)} answered with unexpected JSON: {OneLine(e.Message)}");
        }
    }

    /// <summary>GitHub's message and the first message of its "errors" list; the body itself when it is not GitHub's JSON.</summary>
    private static (string Message, string? Detail) ErrorMessage(string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, GitHubJsonContext.Default.ErrorPayload) is { Message: { Length: > 0 } message } error)
            {
                var detail = (error.Errors ?? []).Select(e => e.Message).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m));
                return (OneLine(message), detail is null ? null : OneLine(detail));
            }
        }
        catch (JsonException)
        {
        }
        return (body.Length == 0 ? "(no message)" : OneLine(body), null);
    }

    /// <summary>The request as shown in errors: method, path and query, no host (and never a header).</summary>
    private static string Describe(HttpMethod method, Uri url) => method.Method + " " + url.PathAndQuery;

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
