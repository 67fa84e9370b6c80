using System.Text.Json.Nodes;
using Gitbrief.Publishing.Digests;

namespace Gitbrief.Publishing.Webhooks;

/// <summary>DingTalk custom robot: <c>msgtype: markdown</c> with a <c>title</c> (the notification) and the
/// Markdown <c>text</c> (at most 20,000 bytes). With a signing secret ("SEC…") the URL gets
/// <c>&amp;timestamp=</c> (milliseconds) <c>&amp;sign=</c> urlencode(base64(HMAC-SHA256(key = secret,
/// message = timestamp + "\n" + secret))). Answers {"errcode":0,"errmsg":"ok"}; e.g. 310000 (signature or
/// keyword check failed) is a failure.</summary>
internal sealed class DingTalkFormatter : WebhookFormatter
{
    public const int MaxTextBytes = 20_000;

    /// <summary>DingTalk's "sending too fast" code (20 messages a minute per robot).</summary>
    private static readonly int[] TransientCodes = [130101];

    public override string Flavor => "dingtalk";

    public override TimeSpan Pace => TimeSpan.FromSeconds(3);

    public override JsonObject Build(DayDigest digest) => new()
    {
        ["msgtype"] = "markdown",
        ["markdown"] = new JsonObject
        {
            ["title"] = WebhookText.OneLine(digest.Heading),
            ["text"] = MarkdownDigest.Render(digest),
        },
    };

    public override bool Fits(JsonObject payload, byte[] body) =>
        WebhookText.Utf8Bytes(payload["markdown"]!["text"]!.GetValue<string>()) + WebhookText.Utf8Bytes(payload["markdown"]!["title"]!.GetValue<string>()) <= MaxTextBytes;

    protected override Uri SignUrl(Uri url, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var builder = new UriBuilder(url);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length > 0 ? query + "&" : "") + "timestamp=" + timestamp + "&sign=" + Uri.EscapeDataString(Sign(timestamp, secret));
        return builder.Uri;
    }

    /// <summary>base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)), before URL encoding.</summary>
    public static string Sign(string timestamp, string secret) => Base64HmacSha256(secret, timestamp + "\n" + secret);

    public override WebhookVerdict Judge(int status, string body) =>
        JudgeCode(status, body, Flavor, ["errcode"], ["errmsg"], TransientCodes);
}
