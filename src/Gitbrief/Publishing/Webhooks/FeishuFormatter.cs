using System.Text.Json.Nodes;
using Gitbrief.Publishing.Digests;

namespace Gitbrief.Publishing.Webhooks;

/// <summary>Feishu / Lark custom bot: a rich-text <c>post</c> message (title, then one paragraph per line of
/// <c>text</c> and <c>a</c> elements, which Feishu shows literally: no escaping needed), in zh_cn or en_us.
/// With a signing secret the body carries <c>timestamp</c> (seconds) and <c>sign</c> =
/// base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = empty)). The request body is at most
/// 20 KB. Answers {"code":0,…}; any other code is a failure.</summary>
internal sealed class FeishuFormatter : WebhookFormatter
{
    public const int MaxBodyBytes = 20_000;

    /// <summary>Feishu's "too many requests" code.</summary>
    private static readonly int[] TransientCodes = [11232];

    public override string Flavor => "feishu";

    /// <summary>100 messages a minute, 5 a second, per bot.</summary>
    public override TimeSpan Pace => TimeSpan.FromMilliseconds(600);

    public override JsonObject Build(DayDigest digest)
    {
        // Built as a list: JsonArray.Add<T> is not AOT-safe.
        var paragraphs = new List<JsonNode>
        {
            Paragraph(Text($"{digest.Labels.Statistics}{digest.Labels.Colon}{digest.StatisticsLine}")),
        };
        if (digest.PartialNote is { } partial)
        {
            paragraphs.Add(Paragraph(Text(partial)));
        }
        AddPoints(paragraphs, digest.HighlightsHeading, digest.VisibleHighlights);
        AddPoints(paragraphs, digest.Labels.Themes, [.. digest.Themes.Select(digest.ThemeLine)]);
        foreach (var (heading, commits) in digest.Groups())
        {
            paragraphs.Add(Paragraph(Text(heading)));
            foreach (var commit in commits)
            {
                var title = " " + WebhookText.Clip(WebhookText.OneLine(commit.Title), DayDigest.MaxTitle);
                paragraphs.Add(WebhookText.Link(commit.Url) is { } url
                    ? Paragraph(Text("• "), Anchor(commit.ShortSha, url), Text(title))
                    : Paragraph(Text("• " + commit.ShortSha + title)));
            }
        }
        if (digest.Stats.Total == 0)
        {
            paragraphs.Add(Paragraph(Text(digest.Labels.NoCommits)));
        }
        if (digest.More > 0)
        {
            paragraphs.Add(Paragraph(Text(digest.MoreLine)));
        }
        if (WebhookText.Link(digest.ReportUrl) is { } report)
        {
            paragraphs.Add(Paragraph(Anchor(digest.FullReport, report)));
        }
        return new JsonObject
        {
            ["msg_type"] = "post",
            ["content"] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    [digest.Language == ReportLanguage.En ? "en_us" : "zh_cn"] = new JsonObject
                    {
                        ["title"] = WebhookText.OneLine(digest.Heading),
                        ["content"] = new JsonArray([.. paragraphs]),
                    },
                },
            },
        };
    }

    public override bool Fits(JsonObject payload, byte[] body) => body.Length <= MaxBodyBytes;

    protected override void SignBody(JsonObject payload, string secret, DateTimeOffset now)
    {
        var timestamp = UnixSeconds(now);
        payload["timestamp"] = timestamp;
        payload["sign"] = Sign(timestamp, secret);
    }

    /// <summary>base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = empty)).</summary>
    public static string Sign(string timestamp, string secret) => Base64HmacSha256(timestamp + "\n" + secret, "");

    public override WebhookVerdict Judge(int status, string body) =>
        JudgeCode(status, body, Flavor, ["code", "StatusCode"], ["msg", "StatusMessage"], TransientCodes);

    /// <summary>A heading paragraph and one "• " paragraph per point; nothing when there are none.</summary>
    private static void AddPoints(List<JsonNode> paragraphs, string heading, IReadOnlyList<string> points)
    {
        if (points.Count == 0)
        {
            return;
        }
        paragraphs.Add(Paragraph(Text(heading)));
        foreach (var point in points)
        {
            paragraphs.Add(Paragraph(Text("• " + WebhookText.Clip(WebhookText.OneLine(point), DayDigest.MaxHighlight))));
        }
    }

    private static JsonArray Paragraph(params JsonObject[] elements) => new(elements);

    private static JsonObject Text(string text) => new() { ["tag"] = "text", ["text"] = text };

    private static JsonObject Anchor(string text, string href) => new() { ["tag"] = "a", ["text"] = text, ["href"] = href };
}
