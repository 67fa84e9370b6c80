using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gitbrief.Publishing.Digests;

namespace Gitbrief.Publishing.Webhooks;

/// <summary>A platform flavour: how a <see cref="DayDigest"/> becomes a payload within the platform's limits, how a
/// request is signed, and how the platform says "delivered".</summary>
internal abstract class WebhookFormatter
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        // Readable UTF-8 (CJK stays 3 bytes, not a 6-byte \u escape): byte limits are measured on what is sent.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public abstract string Flavor { get; }

    /// <summary>Shortest pause between two messages to the same webhook (the platform's rate limit).</summary>
    public virtual TimeSpan Pace => TimeSpan.Zero;

    /// <summary>Whether <c>secret_env</c> means something for this flavour.</summary>
    public virtual bool Signs => true;

    /// <summary>The payload of a digest (not yet signed).</summary>
    public abstract JsonObject Build(DayDigest digest);

    /// <summary>Whether the payload (and its serialized body) is within the platform's limits.</summary>
    public abstract bool Fits(JsonObject payload, byte[] body);

    /// <summary>Adds body signature fields (Feishu).</summary>
    protected virtual void SignBody(JsonObject payload, string secret, DateTimeOffset now)
    {
    }

    /// <summary>Adds URL signature parameters (DingTalk).</summary>
    protected virtual Uri SignUrl(Uri url, string secret, DateTimeOffset now) => url;

    /// <summary>Signature headers over the exact body (generic JSON).</summary>
    protected virtual IReadOnlyList<KeyValuePair<string, string>> SignHeaders(byte[] body, string secret) => [];

    /// <summary>How the platform answered. Default: any 2xx is delivered; 429 and 5xx may pass on a retry.</summary>
    public virtual WebhookVerdict Judge(int status, string body) => status is >= 200 and < 300
        ? WebhookVerdict.Ok
        : WebhookVerdict.Failed(HttpProblem(status, body), IsTransientStatus(status));

    /// <summary>The request for a digest, signed: all of it if it fits, else the largest reduction that fits (see
    /// <see cref="DayDigest.Fit{T}"/>: fewer commits first). Throws when not even the heading and counts fit (only an
    /// absurd repository name could do that).</summary>
    public WebhookRequest Prepare(DayDigest digest, Uri url, string? secret, DateTimeOffset now)
    {
        WebhookRequest? Try(DayDigest candidate)
        {
            var payload = Build(candidate);
            if (secret is not null)
            {
                SignBody(payload, secret, now);
            }
            var body = Serialize(payload);
            return Fits(payload, body)
                ? new WebhookRequest(secret is null ? url : SignUrl(url, secret, now), body, secret is null ? [] : SignHeaders(body, secret))
                : null;
        }

        return digest.Fit(Try)
            ?? throw new Common.GitbriefException($"{digest.Repository} {digest.Date}: the message does not fit the {Flavor} size limit even without commits");
    }

    public static byte[] Serialize(JsonNode payload) => Encoding.UTF8.GetBytes(payload.ToJsonString(Compact));

    protected static bool IsTransientStatus(int status) => status is 408 or 425 or 429 or >= 500;

    /// <summary>"HTTP 400: invalid_blocks" with the start of the body (one line).</summary>
    protected static string HttpProblem(int status, string body)
    {
        var text = WebhookText.OneLine(body);
        text = text.Length > 160 ? text[..160] + "…" : text;
        return string.Create(CultureInfo.InvariantCulture, $"HTTP {status}{(text.Length > 0 ? ": " + text : "")}");
    }

    /// <summary>Reads a numeric field (code / errcode) and the platform's message from a JSON answer.</summary>
    protected static WebhookVerdict JudgeCode(int status, string body, string flavor, string[] codeFields, string[] messageFields, int[] transientCodes)
    {
        if (status is < 200 or >= 300)
        {
            return WebhookVerdict.Failed(HttpProblem(status, body), IsTransientStatus(status));
        }
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return WebhookVerdict.Failed($"{flavor} answered HTTP {status.ToString(CultureInfo.InvariantCulture)} with a body that is not JSON");
        }
        var code = codeFields.Select(f => json?[f]).OfType<JsonValue>().Select(v => v.TryGetValue<long>(out var n) ? n : (long?)null).FirstOrDefault(n => n is not null);
        if (code is null)
        {
            return WebhookVerdict.Failed($"{flavor} answered without {string.Join(" or ", codeFields)}");
        }
        if (code == 0)
        {
            return WebhookVerdict.Ok;
        }
        var message = messageFields.Select(f => json?[f]).OfType<JsonValue>().Select(v => v.ToString()).FirstOrDefault() ?? "";
        message = WebhookText.OneLine(message);
        message = message.Length > 160 ? message[..160] + "…" : message;
        return WebhookVerdict.Failed(
            string.Create(CultureInfo.InvariantCulture, $"{flavor} answered {codeFields[0]} {code}{(message.Length > 0 ? ": " + message : "")}"),
            transientCodes.Contains((int)code.Value));
    }

    protected static string Base64HmacSha256(string key, string message) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message)));

    public static string UnixSeconds(DateTimeOffset now) => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
