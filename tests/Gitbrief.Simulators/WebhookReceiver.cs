using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gitbrief.Simulators;

/// <summary>A chat webhook on 127.0.0.1 that behaves like one platform (flavour): slack, feishu, dingtalk,
/// wecom or json. It checks what the platform checks — the token in the URL, the signature (Feishu body
/// timestamp/sign, DingTalk URL timestamp/sign, the generic X-Gitbrief-Signature), the payload shape and the
/// size limits (Slack blocks, Feishu 20 KB, DingTalk 20,000 bytes, WeCom 4,096 bytes) — and answers like the
/// platform: 200 "ok", {"code":0,…} or {"errcode":0,…}, or the platform's error. Accepted messages are kept
/// with their visible text and links; refused ones with the reason.</summary>
public sealed partial class WebhookReceiver : IAsyncDisposable
{
    public const int SlackMaxBlocks = 50;
    public const int SlackMaxSectionText = 3000;
    public const int SlackMaxHeaderText = 150;
    public const int SlackMaxTotalText = 13_000;
    public const int FeishuMaxBodyBytes = 20_000;
    public const int DingTalkMaxTextBytes = 20_000;
    public const int WeComMaxContentBytes = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> messages = new();
    private readonly ConcurrentQueue<string> rejections = new();
    private readonly ConcurrentQueue<DateTimeOffset> arrivals = new();
    private int requests;

    private WebhookReceiver(WebApplication app, string flavor, string? secret)
    {
        this.app = app;
        Flavor = flavor;
        Secret = secret;
        Token = "tok" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    }

    public string Flavor { get; }

    /// <summary>The signing secret the platform expects (null: none).</summary>
    public string? Secret { get; }

    /// <summary>The token in the URL (what makes the URL a secret).</summary>
    public string Token { get; private set; }

    public int Port { get; private set; }

    /// <summary>The webhook URL, token included, as the platform would issue it.</summary>
    public string Url => Flavor switch
    {
        "slack" => $"http://127.0.0.1:{Port}/services/T0GITBRIEF/B0GITBRIEF/{Token}",
        "feishu" => $"http://127.0.0.1:{Port}/open-apis/bot/v2/hook/{Token}",
        "dingtalk" => $"http://127.0.0.1:{Port}/robot/send?access_token={Token}",
        "wecom" => $"http://127.0.0.1:{Port}/cgi-bin/webhook/send?key={Token}",
        _ => $"http://127.0.0.1:{Port}/hooks/{Token}",
    };

    /// <summary>Chooses a fault for the n-th request (1-based; null: check and answer normally).</summary>
    public Func<int, WebhookFault?> Faults { get; set; } = _ => null;

    /// <summary>Messages accepted, in order of arrival.</summary>
    public IReadOnlyList<ReceivedWebhook> Messages => [.. messages];

    /// <summary>Why requests were refused (signature, size, shape, token).</summary>
    public IReadOnlyList<string> Rejections => [.. rejections];

    /// <summary>Every request, accepted, refused or faulted.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>When each request arrived, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Arrivals => [.. arrivals.Order()];

    /// <summary>Starts a receiver for a flavour; <paramref name="port"/> 0 picks a free one. <paramref name="token"/>
    /// keeps the URL of an earlier receiver (to bring one back up).</summary>
    public static async Task<WebhookReceiver> StartAsync(string flavor, string? secret = null, int port = 0, string? token = null, CancellationToken cancellationToken = default)
    {
        var app = Loopback.Create(port);
        var receiver = new WebhookReceiver(app, flavor, secret);
        if (token is not null)
        {
            receiver.Token = token;
        }
        app.Run(receiver.HandleAsync);
        var address = await Loopback.StartAsync(app, cancellationToken).ConfigureAwait(false);
        receiver.Port = new Uri(address).Port;
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var index = Interlocked.Increment(ref requests);
        arrivals.Enqueue(DateTimeOffset.UtcNow);
        var aborted = context.RequestAborted;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, aborted).ConfigureAwait(false);
        var raw = buffer.ToArray();
        if (Faults(index) is { } fault)
        {
            if (fault.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
            }
            if (fault.RetryAt is { } at)
            {
                context.Response.Headers["Retry-After"] = new RetryConditionHeaderValue(at).ToString();
            }
            await AnswerAsync(context, fault.Status, fault.Code is { } code ? PlatformError(code, fault.Message ?? "simulated error") : fault.Body ?? "").ConfigureAwait(false);
            return;
        }
        var (accepted, problem) = Check(context.Request, raw);
        if (problem is not null)
        {
            rejections.Enqueue(problem.Reason);
            await AnswerAsync(context, problem.Status, problem.Body).ConfigureAwait(false);
            return;
        }
        messages.Enqueue(accepted! with { Index = index, ReceivedAt = DateTimeOffset.UtcNow });
        await AnswerAsync(context, Flavor == "json" ? 204 : 200, Flavor switch
        {
            "slack" => "ok",
            "feishu" => """{"code":0,"data":{},"msg":"success"}""",
            "dingtalk" or "wecom" => """{"errcode":0,"errmsg":"ok"}""",
            _ => "",
        }).ConfigureAwait(false);
    }

    private static async Task AnswerAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        if (body.Length > 0)
        {
            context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/plain";
            await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The platform's error answer with a code: Feishu code, DingTalk / WeCom errcode (HTTP 200), Slack and
    /// JSON a 400 with the text.</summary>
    public string PlatformError(int code, string message) => Flavor switch
    {
        "feishu" => new JsonObject { ["code"] = code, ["data"] = new JsonObject(), ["msg"] = message }.ToJsonString(),
        "dingtalk" or "wecom" => new JsonObject { ["errcode"] = code, ["errmsg"] = message }.ToJsonString(),
        _ => message,
    };

    private sealed record Problem(int Status, string Body, string Reason);

    private Problem Refuse(int code, string message, int slackStatus = 400) => Flavor switch
    {
        "feishu" or "dingtalk" or "wecom" => new Problem(200, PlatformError(code, message), message),
        "slack" => new Problem(slackStatus, message, message),
        _ => new Problem(slackStatus, new JsonObject { ["error"] = message }.ToJsonString(), message),
    };

    private (ReceivedWebhook? Message, Problem? Problem) Check(HttpRequest request, byte[] raw)
    {
        if (request.Method != "POST")
        {
            return (null, new Problem(405, "", "not a POST"));
        }
        var tokenOk = Flavor switch
        {
            "dingtalk" => request.Path == "/robot/send" && request.Query["access_token"] == Token,
            "wecom" => request.Path == "/cgi-bin/webhook/send" && request.Query["key"] == Token,
            _ => new Uri(Url).AbsolutePath == request.Path.Value,
        };
        if (!tokenOk)
        {
            return (null, Flavor switch
            {
                "slack" => new Problem(404, "no_service", "wrong token"),
                "feishu" => Refuse(19001, "param invalid: incoming webhook access token invalid"),
                "dingtalk" => Refuse(300001, "token is not exist"),
                "wecom" => Refuse(93000, "invalid webhook url"),
                _ => new Problem(404, "", "wrong token"),
            });
        }
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Refuse(40035, "content type must be application/json"));
        }
        string text;
        JsonNode json;
        try
        {
            text = StrictUtf8.GetString(raw);
            json = JsonNode.Parse(text) ?? throw new JsonException("null");
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException or ArgumentException)
        {
            return (null, Refuse(40035, Flavor == "slack" ? "invalid_payload" : "body is not UTF-8 JSON"));
        }
        try
        {
            return Flavor switch
            {
                "slack" => CheckSlack(json, text),
                "feishu" => CheckFeishu(json, text, raw),
                "dingtalk" => CheckDingTalk(request, json, text),
                "wecom" => CheckWeCom(json, text),
                _ => CheckJson(request, json, text, raw),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or FormatException or KeyNotFoundException)
        {
            return (null, Refuse(9499, Flavor == "slack" ? "invalid_blocks" : "Bad Request: " + e.Message));
        }
    }

    private (ReceivedWebhook?, Problem?) CheckSlack(JsonNode json, string body)
    {
        var blocks = json["blocks"]!.AsArray();
        if (blocks.Count > SlackMaxBlocks)
        {
            return (null, new Problem(400, "invalid_blocks", $"{blocks.Count} blocks"));
        }
        var texts = new List<string>();
        foreach (var block in blocks)
        {
            var type = (string)block!["type"]!;
            switch (type)
            {
                case "header":
                    var header = block["text"]!;
                    if ((string)header["type"]! != "plain_text" || ((string)header["text"]!).Length > SlackMaxHeaderText)
                    {
                        return (null, new Problem(400, "invalid_blocks", "header text"));
                    }
                    texts.Add((string)header["text"]!);
                    break;
                case "section":
                    var section = block["text"]!;
                    if ((string)section["type"]! is not ("mrkdwn" or "plain_text") || ((string)section["text"]!).Length is 0 or > SlackMaxSectionText)
                    {
                        return (null, new Problem(400, "invalid_blocks", $"section text of {((string)section["text"]!).Length} characters"));
                    }
                    texts.Add((string)section["text"]!);
                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    if (elements.Count is 0 or > 10 || elements.Any(e => ((string)e!["text"]!).Length > SlackMaxSectionText))
                    {
                        return (null, new Problem(400, "invalid_blocks", "context elements"));
                    }
                    texts.AddRange(elements.Select(e => (string)e!["text"]!));
                    break;
                case "divider":
                    break;
                default:
                    return (null, new Problem(400, "invalid_blocks", $"block type {type}"));
            }
        }
        if (texts.Sum(t => t.Length) > SlackMaxTotalText)
        {
            return (null, new Problem(400, "msg_blocks_too_long", "blocks too long in all"));
        }
        if (json["text"] is { } fallback && ((string)fallback!).Length > 40_000)
        {
            return (null, new Problem(400, "msg_too_long", "text too long"));
        }
        var visible = string.Join("\n", texts);
        var links = SlackLink().Matches(visible).Select(m => m.Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal)).ToList();
        return (new ReceivedWebhook(Flavor, body, json, visible, links), null);
    }

    private (ReceivedWebhook?, Problem?) CheckFeishu(JsonNode json, string body, byte[] raw)
    {
        if (Secret is not null)
        {
            var timestamp = json["timestamp"]?.ToString();
            var sign = (string?)json["sign"];
            var expected = timestamp is null
                ? null
                : Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(timestamp + "\n" + Secret), Array.Empty<byte>()));
            if (timestamp is null || sign != expected || !WithinHour(timestamp, 1))
            {
                return (null, Refuse(19021, "sign match fail or timestamp is not within one hour from current time"));
            }
        }
        if (raw.Length > FeishuMaxBodyBytes)
        {
            return (null, Refuse(9499, $"request body larger than 20 KB ({raw.Length} bytes)"));
        }
        if ((string?)json["msg_type"] != "post")
        {
            return (null, Refuse(19002, "params error, msg_type need post"));
        }
        var post = json["content"]!["post"]!.AsObject();
        var (language, message) = post.Single();
        if (language is not ("zh_cn" or "en_us" or "ja_jp"))
        {
            return (null, Refuse(9499, "Bad Request: language " + language));
        }
        var lines = new List<string> { (string)message!["title"]! };
        var links = new List<string>();
        foreach (var paragraph in message["content"]!.AsArray())
        {
            var line = new StringBuilder();
            foreach (var element in paragraph!.AsArray())
            {
                switch ((string)element!["tag"]!)
                {
                    case "text":
                        line.Append((string)element["text"]!);
                        break;
                    case "a":
                        var href = (string)element["href"]!;
                        if (!href.StartsWith("http://", StringComparison.Ordinal) && !href.StartsWith("https://", StringComparison.Ordinal))
                        {
                            return (null, Refuse(9499, "Bad Request: href"));
                        }
                        links.Add(href);
                        line.Append((string)element["text"]!);
                        break;
                    default:
                        return (null, Refuse(9499, "Bad Request: tag " + (string)element["tag"]!));
                }
            }
            lines.Add(line.ToString());
        }
        return (new ReceivedWebhook(Flavor, body, json, string.Join("\n", lines), links), null);
    }

    private (ReceivedWebhook?, Problem?) CheckDingTalk(HttpRequest request, JsonNode json, string body)
    {
        if (Secret is not null)
        {
            var timestamp = (string?)request.Query["timestamp"];
            var sign = (string?)request.Query["sign"];
            var expected = timestamp is null
                ? null
                : Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "\n" + Secret)));
            if (timestamp is null || sign != expected || !WithinHour(timestamp, 1000))
            {
                return (null, Refuse(310000, "sign not match"));
            }
        }
        if ((string?)json["msgtype"] != "markdown")
        {
            return (null, Refuse(40035, "msgtype must be markdown"));
        }
        var title = (string)json["markdown"]!["title"]!;
        var text = (string)json["markdown"]!["text"]!;
        if (title.Length == 0 || text.Length == 0)
        {
            return (null, Refuse(40035, "缺少参数 markdown.title / markdown.text"));
        }
        var bytes = Encoding.UTF8.GetByteCount(text) + Encoding.UTF8.GetByteCount(title);
        if (bytes > DingTalkMaxTextBytes)
        {
            return (null, Refuse(460101, $"message too long, exceed 20000 bytes ({bytes})"));
        }
        return (new ReceivedWebhook(Flavor, body, json, title + "\n" + text, MarkdownLinks(text)), null);
    }

    private (ReceivedWebhook?, Problem?) CheckWeCom(JsonNode json, string body)
    {
        if ((string?)json["msgtype"] != "markdown")
        {
            return (null, Refuse(40008, "invalid message type"));
        }
        var content = (string)json["markdown"]!["content"]!;
        var bytes = Encoding.UTF8.GetByteCount(content);
        if (bytes is 0 or > WeComMaxContentBytes)
        {
            return (null, Refuse(40058, $"markdown.content exceed max length 4096 ({bytes} bytes). invalid Request Parameter"));
        }
        return (new ReceivedWebhook(Flavor, body, json, content, MarkdownLinks(content)), null);
    }

    private (ReceivedWebhook?, Problem?) CheckJson(HttpRequest request, JsonNode json, string body, byte[] raw)
    {
        if (Secret is not null)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), raw));
            if (request.Headers["X-Gitbrief-Signature"] != expected)
            {
                return (null, new Problem(401, """{"error":"bad signature"}""", "bad signature"));
            }
        }
        foreach (var field in new[] { "repository", "date", "stats", "highlights", "commits" })
        {
            if (json[field] is null)
            {
                return (null, new Problem(400, $$"""{"error":"missing {{field}}"}""", "missing " + field));
            }
        }
        var links = json["commits"]!.AsArray().Select(c => (string?)c!["url"]).OfType<string>().ToList();
        if ((string?)json["reportUrl"] is { } report)
        {
            links.Add(report);
        }
        return (new ReceivedWebhook(Flavor, body, json, body, links), null);
    }

    private static bool WithinHour(string timestamp, long unitsPerSecond)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / (1000 / unitsPerSecond);
        return Math.Abs(now - value) <= 3600 * unitsPerSecond;
    }

    private static List<string> MarkdownLinks(string markdown) => [.. MarkdownLink().Matches(markdown).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"<(https?://[^|>]+)\|[^>]*>")]
    private static partial Regex SlackLink();

    [GeneratedRegex(@"(?<!\\)\]\((https?://[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A message the receiver accepted: the raw body, its JSON, the text a reader sees, and its links.</summary>
public sealed record ReceivedWebhook(string Flavor, string Body, JsonNode Json, string Text, IReadOnlyList<string> Links)
{
    public int Index { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>What a scripted request gets instead of the normal answer.</summary>
/// <param name="Code">A platform error code (Feishu code, DingTalk/WeCom errcode) answered in the platform's shape.</param>
/// <param name="RetryAt">Retry-After as an HTTP date (instead of <paramref name="RetryAfterSeconds"/>).</param>
public sealed record WebhookFault(int Status, string? Body = null, double? RetryAfterSeconds = null, int? Code = null, string? Message = null, DateTimeOffset? RetryAt = null)
{
    public static WebhookFault RateLimited(double retryAfterSeconds) => new(429, "rate_limited", retryAfterSeconds);

    public static WebhookFault ServerError(int status = 500) => new(status, "internal_error");

    /// <summary>HTTP 200 with a non-zero code (e.g. DingTalk 310000), or a 400 for Slack and JSON.</summary>
    public static WebhookFault PlatformError(string flavor, int code, string message) =>
        new(flavor is "slack" or "json" ? 400 : 200, Code: code, Message: message);
}
