using System.Net;
using Gitbrief.Http;

namespace Gitbrief.Analysis.Llm;

/// <summary>Watches every HTTP response for rate-limit headers and pauses the shared throttle: on a 429 or
/// 503 with Retry-After, or when x-ratelimit-remaining-* reaches zero.</summary>
internal sealed class RateLimitHandler(RequestThrottle throttle, TimeProvider time) : DelegatingHandler(HttpTransport.Handler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var header = RateLimitHeaders.From(response.Headers);
        var wait = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            ? RateLimitHeaders.RetryAfter(response.Headers, time.GetUtcNow()) ?? RateLimitHeaders.ExhaustedFor(header)
            : RateLimitHeaders.ExhaustedFor(header);
        if (wait is { } delay && delay > TimeSpan.Zero)
        {
            throttle.PauseFor(delay < LlmClient.MaxServerDelay ? delay : LlmClient.MaxServerDelay);
        }
        return response;
    }
}
