using System.Text.Json.Nodes;
using Gitbrief.Publishing.Digests;

namespace Gitbrief.Publishing.Webhooks;

/// <summary>WeCom (企业微信) group robot: <c>msgtype: markdown</c> with <c>content</c> at most 4,096 bytes of UTF-8.
/// No signing: the <c>key</c> in the URL is the secret. Answers {"errcode":0,"errmsg":"ok"}; any other code
/// is a failure (45009: too many messages, tried again).</summary>
internal sealed class WeComFormatter : WebhookFormatter
{
    public const int MaxContentBytes = 4096;

    private static readonly int[] TransientCodes = [45009];

    public override string Flavor => "wecom";

    /// <summary>20 messages a minute per robot.</summary>
    public override TimeSpan Pace => TimeSpan.FromSeconds(3);

    public override bool Signs => false;

    public override JsonObject Build(DayDigest digest) => new()
    {
        ["msgtype"] = "markdown",
        ["markdown"] = new JsonObject { ["content"] = MarkdownDigest.Render(digest) },
    };

    public override bool Fits(JsonObject payload, byte[] body) =>
        WebhookText.Utf8Bytes(payload["markdown"]!["content"]!.GetValue<string>()) <= MaxContentBytes;

    public override WebhookVerdict Judge(int status, string body) =>
        JudgeCode(status, body, Flavor, ["errcode"], ["errmsg"], TransientCodes);
}
