using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Gitbrief.Analysis.Llm;

/// <summary>Reads how long a server wants us to wait: Retry-After (seconds or HTTP date), retry-after-ms,
/// and OpenAI-style x-ratelimit-reset-requests / -tokens durations such as "1s", "6m0s" or "250ms".</summary>
internal static partial class RateLimitHeaders
{
    public static TimeSpan? RetryAfter(Func<string, string?> header, DateTimeOffset now)
    {
        if (header("retry-after-ms") is { } ms && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }
        if (header("Retry-After") is { } retryAfter)
        {
            if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return date > now ? date - now : TimeSpan.Zero;
            }
        }
        return null;
    }

    /// <summary>When a response says a limit is exhausted (remaining 0), how long until it resets.</summary>
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

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ms|h|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPart();
}
