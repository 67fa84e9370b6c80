using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Gitbrief.Http;

/// <summary>The one reader of how long a server wants us to wait, for every HTTP client of Gitbrief:
/// <c>Retry-After</c> through the BCL's <see cref="RetryConditionHeaderValue"/> (delta seconds or an HTTP date;
/// fractional seconds are tolerated), <c>retry-after-ms</c>, OpenAI-style <c>x-ratelimit-remaining-*</c> /
/// <c>x-ratelimit-reset-*</c> durations such as "1s", "6m0s" or "250ms", and GitHub's
/// <c>X-RateLimit-Remaining: 0</c> with <c>X-RateLimit-Reset</c> (epoch seconds).</summary>
internal static partial class RateLimitHeaders
{
    /// <summary>The wait a response asks for (retry-after-ms, else Retry-After), read from its typed headers.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var header = From(headers);
        return Milliseconds(header) ?? Until(headers.RetryAfter, now) ?? FractionalSeconds(header("Retry-After"));
    }

    /// <summary>The wait a response asks for (retry-after-ms, else Retry-After), for headers that are only
    /// available as text (the OpenAI SDK's responses).</summary>
    public static TimeSpan? RetryAfter(Func<string, string?> header, DateTimeOffset now)
    {
        if (Milliseconds(header) is { } milliseconds)
        {
            return milliseconds;
        }
        var text = header("Retry-After");
        return RetryConditionHeaderValue.TryParse(text, out var condition) ? Until(condition, now) : FractionalSeconds(text);
    }

    /// <summary>When a response says an OpenAI-style limit is exhausted (remaining 0), how long until it resets.</summary>
    public static TimeSpan? ExhaustedFor(Func<string, string?> header)
    {
        TimeSpan? wait = null;
        foreach (var kind in new[] { "requests", "tokens" })
        {
            if (header("x-ratelimit-remaining-" + kind) is "0" && header("x-ratelimit-reset-" + kind) is { } reset && ParseDuration(reset) is { } duration)
            {
                wait = wait is null || duration > wait ? duration : wait;
            }
        }
        return wait;
    }

    /// <summary>Whether a GitHub response says the primary rate limit is used up (X-RateLimit-Remaining: 0).</summary>
    public static bool IsGitHubLimitExhausted(Func<string, string?> header) => header("X-RateLimit-Remaining")?.Trim() == "0";

    /// <summary>When GitHub's primary rate limit resets (X-RateLimit-Reset, epoch seconds), if given.</summary>
    public static DateTimeOffset? GitHubReset(Func<string, string?> header) =>
        long.TryParse(header("X-RateLimit-Reset")?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : null;

    public static Func<string, string?> From(HttpResponseHeaders headers) =>
        name => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Parses "1s", "6m0s", "1h2m3.5s", "250ms" or a bare number of seconds.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare))
        {
            return bare >= 0 ? TimeSpan.FromSeconds(bare) : null;
        }
        var total = TimeSpan.Zero;
        var matched = 0;
        foreach (Match part in DurationPart().Matches(text))
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                _ => TimeSpan.FromMilliseconds(value),
            };
            matched += part.Length;
        }
        return matched == text.Length && matched > 0 ? total : null;
    }

    /// <summary>A delta as given; a date as the time left until it (zero once it has passed).</summary>
    private static TimeSpan? Until(RetryConditionHeaderValue? condition, DateTimeOffset now) => condition switch
    {
        { Delta: { } delta } when delta >= TimeSpan.Zero => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static TimeSpan? Milliseconds(Func<string, string?> header) =>
        double.TryParse(header("retry-after-ms"), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;

    /// <summary>"1.5": not HTTP's delta-seconds, but some servers send it.</summary>
    private static TimeSpan? FractionalSeconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ms|h|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPart();
}
