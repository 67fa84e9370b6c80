using System.Net.Http.Headers;
using Gitbrief.Http;

namespace Gitbrief.Tests.Http;

public sealed class RateLimitHeadersTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers)
    {
        var map = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return name => map.TryGetValue(name, out var value) ? value : null;
    }

    [Theory]
    [InlineData("5", 5_000)]
    [InlineData("0", 0)]
    [InlineData("1.5", 1_500)]
    public void RetryAfterSeconds(string value, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RateLimitHeaders.RetryAfter(Headers(("Retry-After", value)), Now));
    }

    [Fact]
    public void RetryAfterHttpDate()
    {
        var header = Headers(("Retry-After", "Sat, 14 Mar 2026 12:00:30 GMT"));

        Assert.Equal(TimeSpan.FromSeconds(30), RateLimitHeaders.RetryAfter(header, Now));
    }

    [Fact]
    public void RetryAfterHttpDateInThePastIsZero()
    {
        var header = Headers(("Retry-After", "Fri, 13 Mar 2026 12:00:00 GMT"));

        Assert.Equal(TimeSpan.Zero, RateLimitHeaders.RetryAfter(header, Now));
    }

    [Fact]
    public void RetryAfterMsWinsOverRetryAfter()
    {
        var header = Headers(("retry-after-ms", "250"), ("Retry-After", "10"));

        Assert.Equal(TimeSpan.FromMilliseconds(250), RateLimitHeaders.RetryAfter(header, Now));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-3")]
    [InlineData("")]
    public void UnreadableOrMissingRetryAfterIsNull(string value)
    {
        Assert.Null(RateLimitHeaders.RetryAfter(Headers(("Retry-After", value)), Now));
        Assert.Null(RateLimitHeaders.RetryAfter(Headers(), Now));
    }

    [Fact]
    public void NegativeRetryAfterMsFallsBackToRetryAfter()
    {
        var header = Headers(("retry-after-ms", "-1"), ("Retry-After", "2"));

        Assert.Equal(TimeSpan.FromSeconds(2), RateLimitHeaders.RetryAfter(header, Now));
    }

    [Theory]
    [InlineData("1s", 1_000)]
    [InlineData("6m0s", 360_000)]
    [InlineData("250ms", 250)]
    [InlineData("1h2m3.5s", 3_723_500)]
    [InlineData("2", 2_000)]
    [InlineData(" 0.5 ", 500)]
    [InlineData("1m30s", 90_000)]
    public void ParseDurationReadsGoStyleDurations(string text, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RateLimitHeaders.ParseDuration(text));
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("")]
    [InlineData("1x")]
    [InlineData("1s bogus")]
    [InlineData("-1")]
    [InlineData("s")]
    public void ParseDurationRejectsAnythingElse(string text)
    {
        Assert.Null(RateLimitHeaders.ParseDuration(text));
    }

    [Fact]
    public void ExhaustedForIsTheLongerResetOfTheExhaustedLimits()
    {
        var header = Headers(
            ("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "1s"),
            ("x-ratelimit-remaining-tokens", "0"), ("x-ratelimit-reset-tokens", "6m0s"));

        Assert.Equal(TimeSpan.FromMinutes(6), RateLimitHeaders.ExhaustedFor(header));
    }

    [Fact]
    public void ExhaustedForIgnoresLimitsWithRoomLeft()
    {
        var header = Headers(
            ("x-ratelimit-remaining-requests", "12"), ("x-ratelimit-reset-requests", "1s"),
            ("x-ratelimit-remaining-tokens", "0"), ("x-ratelimit-reset-tokens", "250ms"));

        Assert.Equal(TimeSpan.FromMilliseconds(250), RateLimitHeaders.ExhaustedFor(header));
    }

    [Fact]
    public void ExhaustedForIsNullWhenNothingIsExhaustedOrTheResetIsUnreadable()
    {
        Assert.Null(RateLimitHeaders.ExhaustedFor(Headers(("x-ratelimit-remaining-requests", "3"), ("x-ratelimit-reset-requests", "1s"))));
        Assert.Null(RateLimitHeaders.ExhaustedFor(Headers(("x-ratelimit-remaining-requests", "0"))));
        Assert.Null(RateLimitHeaders.ExhaustedFor(Headers(("x-ratelimit-remaining-tokens", "0"), ("x-ratelimit-reset-tokens", "later"))));
        Assert.Null(RateLimitHeaders.ExhaustedFor(Headers()));
    }

    [Fact]
    public void RetryAfterReadsTheTypedHeaderAsDeltaOrDate()
    {
        using var response = new HttpResponseMessage();

        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), RateLimitHeaders.RetryAfter(response.Headers, Now));

        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(30));
        Assert.Equal("Sat, 14 Mar 2026 12:00:30 GMT", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(TimeSpan.FromSeconds(30), RateLimitHeaders.RetryAfter(response.Headers, Now));

        response.Headers.Remove("Retry-After");
        response.Headers.TryAddWithoutValidation("Retry-After", "1.5");
        Assert.Equal(TimeSpan.FromMilliseconds(1_500), RateLimitHeaders.RetryAfter(response.Headers, Now));

        response.Headers.Remove("Retry-After");
        Assert.Null(RateLimitHeaders.RetryAfter(response.Headers, Now));
    }

    [Fact]
    public void GitHubsPrimaryLimitIsExhaustedAtZeroAndResetsAtTheEpochSecond()
    {
        var exhausted = Headers(("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1773489630"));

        Assert.True(RateLimitHeaders.IsGitHubLimitExhausted(exhausted));
        Assert.Equal(Now.AddSeconds(30), RateLimitHeaders.GitHubReset(exhausted));
        Assert.False(RateLimitHeaders.IsGitHubLimitExhausted(Headers(("X-RateLimit-Remaining", "4999"))));
        Assert.Null(RateLimitHeaders.GitHubReset(Headers(("X-RateLimit-Reset", "soon"))));
    }

    [Fact]
    public void FromReadsHttpResponseHeaders()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("retry-after-ms", "1200");
        response.Headers.TryAddWithoutValidation("x-ratelimit-remaining-tokens", "0");
        response.Headers.TryAddWithoutValidation("x-ratelimit-reset-tokens", "3s");

        var header = RateLimitHeaders.From(response.Headers);

        Assert.Equal(TimeSpan.FromMilliseconds(1_200), RateLimitHeaders.RetryAfter(header, Now));
        Assert.Equal(TimeSpan.FromSeconds(3), RateLimitHeaders.ExhaustedFor(header));
        Assert.Null(header("x-missing"));
    }
}
