using System.Text.Json.Nodes;
using Gitbrief.Publishing.Digests;

namespace Gitbrief.Publishing.Webhooks;

/// <summary>Slack incoming webhook: Block Kit — a header, mrkdwn sections (each ≤ 3,000 characters), a context
/// line for the commits not listed, ≤ 50 blocks, and a plain <c>text</c> for notifications. Slack also
/// rejects block messages much longer than about 13,000 characters in all (msg_blocks_too_long), so the
/// total stays under 12,000. No signing: the URL is the secret. Answers 200 "ok".</summary>
internal sealed class SlackFormatter : WebhookFormatter
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxTotalText = 12_000;

    public override string Flavor => "slack";

    public override TimeSpan Pace => TimeSpan.FromSeconds(1);

    public override bool Signs => false;

    public override JsonObject Build(DayDigest digest)
    {
        // Built as a list: JsonArray.Add<T> is not AOT-safe.
        var blocks = new List<JsonNode>
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = WebhookText.Clip(WebhookText.OneLine(digest.Heading), MaxHeaderText), ["emoji"] = true },
            },
            Section($"*{WebhookText.SlackMrkdwn(digest.Labels.Statistics)}*\n{WebhookText.SlackMrkdwn(digest.StatisticsLine)}"),
        };
        if (digest.PartialNote is { } partial)
        {
            blocks.Add(Section(WebhookText.SlackMrkdwn(partial)));
        }
        var highlights = digest.VisibleHighlights;
        if (highlights.Count > 0)
        {
            AddSections(blocks, $"*{WebhookText.SlackMrkdwn(digest.HighlightsHeading)}*", highlights.Select(Point));
        }
        if (digest.Themes.Count > 0)
        {
            AddSections(blocks, $"*{WebhookText.SlackMrkdwn(digest.Labels.Themes)}*", digest.Themes.Select(t => Point(digest.ThemeLine(t))));
        }
        foreach (var (heading, commits) in digest.Groups())
        {
            AddSections(blocks, $"*{WebhookText.SlackMrkdwn(heading)}*", commits.Select(Line));
        }
        if (digest.Stats.Total == 0)
        {
            blocks.Add(Section(WebhookText.SlackMrkdwn(digest.Labels.NoCommits)));
        }
        if (digest.More > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = WebhookText.SlackMrkdwn(digest.MoreLine) }),
            });
        }
        if (WebhookText.SlackUrl(digest.ReportUrl) is { } report)
        {
            blocks.Add(Section($"<{report}|{WebhookText.SlackMrkdwn(digest.FullReport)}>"));
        }
        return new JsonObject
        {
            ["text"] = WebhookText.SlackMrkdwn($"{digest.Heading}: {digest.StatisticsLine}"),
            ["blocks"] = new JsonArray([.. blocks]),
            ["unfurl_links"] = false,
            ["unfurl_media"] = false,
        };
    }

    public override bool Fits(JsonObject payload, byte[] body)
    {
        var blocks = payload["blocks"]!.AsArray();
        if (blocks.Count > MaxBlocks)
        {
            return false;
        }
        var total = 0;
        foreach (var block in blocks)
        {
            var texts = block!["type"]!.GetValue<string>() == "context"
                ? block["elements"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()).ToList()
                : [block["text"]!["text"]!.GetValue<string>()];
            var limit = block["type"]!.GetValue<string>() == "header" ? MaxHeaderText : MaxSectionText;
            if (texts.Any(t => t.Length > limit))
            {
                return false;
            }
            total += texts.Sum(t => t.Length);
        }
        return total <= MaxTotalText;
    }

    public override WebhookVerdict Judge(int status, string body) => status is >= 200 and < 300
        ? WebhookVerdict.Ok
        : WebhookVerdict.Failed("slack answered " + HttpProblem(status, body), IsTransientStatus(status));

    private static string Point(string text) => "• " + WebhookText.SlackMrkdwn(WebhookText.Clip(WebhookText.OneLine(text), DayDigest.MaxHighlight));

    private static string Line(DigestCommit commit)
    {
        var title = WebhookText.SlackMrkdwn(WebhookText.Clip(WebhookText.OneLine(commit.Title), DayDigest.MaxTitle));
        return WebhookText.SlackUrl(commit.Url) is { } url
            ? $"• <{url}|`{commit.ShortSha}`> {title}"
            : $"• `{commit.ShortSha}` {title}";
    }

    /// <summary>A heading and its lines, in as few sections as fit 3,000 characters each (a line is never split;
    /// lines are clipped so that one always fits).</summary>
    private static void AddSections(List<JsonNode> blocks, string heading, IEnumerable<string> lines)
    {
        var current = heading;
        foreach (var line in lines)
        {
            if (current.Length + 1 + line.Length > MaxSectionText)
            {
                blocks.Add(Section(current));
                current = line;
            }
            else
            {
                current += "\n" + line;
            }
        }
        blocks.Add(Section(current));
    }

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn },
    };
}
