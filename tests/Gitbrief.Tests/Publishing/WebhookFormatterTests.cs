using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gitbrief.Analysis;
using Gitbrief.Publishing.Digests;
using Gitbrief.Publishing.Webhooks;
using Gitbrief.Reports;

namespace Gitbrief.Tests.Publishing;

/// <summary>The formatters in-process: size limits under hostile input (multi-byte titles, huge highlights,
/// many commits), cutting only between characters, escaping, and the signatures' encodings.</summary>
public sealed class WebhookFormatterTests
{
    private static readonly Uri Url = new("https://hooks.example.com/hook/abcdefghijklmnopqrstuvwxyz?access_token=tok123456789");
    private static readonly DateTimeOffset Now = new(2026, 1, 13, 1, 0, 0, TimeSpan.Zero);
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static TheoryData<string> Flavors => new() { "slack", "feishu", "dingtalk", "wecom", "json" };

    private static WebhookFormatter Formatter(string flavor) => flavor switch
    {
        "slack" => new SlackFormatter(),
        "feishu" => new FeishuFormatter(),
        "dingtalk" => new DingTalkFormatter(),
        "wecom" => new WeComFormatter(),
        _ => new JsonFormatter(),
    };

    /// <summary>A day of <paramref name="commits"/> listed commits (half high), each title <paramref name="title"/>(i).</summary>
    private static DayDigest Day(int commits, Func<int, string> title, IReadOnlyList<string>? highlights = null, ReportLanguage language = ReportLanguage.Zh) => new()
    {
        Repository = "acme/widgets",
        Date = "2026-01-12",
        Language = language,
        Stats = new ReportStats(commits + 7, (commits + 1) / 2, commits / 2, 7),
        Highlights = highlights ?? [],
        Commits = [.. Enumerable.Range(0, commits).Select(i => new DigestCommit(
            Convert.ToHexStringLower(SHA1.HashData(BitConverter.GetBytes(i))),
            title(i),
            i < (commits + 1) / 2 ? ImportanceLevel.High : ImportanceLevel.Medium,
            "https://github.com/acme/widgets/commit/" + Convert.ToHexStringLower(SHA1.HashData(BitConverter.GetBytes(i)))))],
        ReportUrl = "https://reports.example.com/2026/widgets/2026-01-12.md",
    };

    private static JsonNode Body(WebhookRequest request) => JsonNode.Parse(StrictUtf8.GetString(request.Body))!;

    [Theory]
    [InlineData("👩‍👩‍👧‍👦家庭🇨🇳", 199)]
    [InlineData("e\u0301\u0302\u0303x", 200)]
    [InlineData("𝔘𝔫𝔦𝔠𝔬𝔡𝔢", 101)]
    [InlineData("ascii", 17)]
    public void Clip_cuts_only_between_text_elements(string unit, int max)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 80));

        var clipped = WebhookText.Clip(text, max);

        Assert.True(clipped.Length <= max, $"{clipped.Length} > {max}");
        Assert.EndsWith("…", clipped, StringComparison.Ordinal);
        var kept = clipped[..^1];
        Assert.StartsWith(kept, text, StringComparison.Ordinal);
        Assert.Contains(kept.Length, StringInfo.ParseCombiningCharacters(text));
        _ = StrictUtf8.GetByteCount(clipped);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public void Hostile_volume_still_fits_the_platform_and_says_how_many_are_not_listed(string flavor)
    {
        // 100 titles of 4-byte characters and ZWJ emoji, 5 highlights of 5,000 characters each.
        var digest = Day(100, i => $"feat: {i} " + string.Concat(Enumerable.Repeat("𝔘👩‍💻漢<*|_>&", 60)),
            [.. Enumerable.Range(0, 5).Select(i => string.Concat(Enumerable.Repeat($"highlight {i} 🚀 <b>&", 400)))]);
        var formatter = Formatter(flavor);

        var request = formatter.Prepare(digest, Url, flavor is "slack" or "wecom" ? null : "SECsecret", Now);

        var body = Body(request);
        Assert.True(formatter.Fits(body.AsObject(), request.Body));
        switch (flavor)
        {
            case "slack":
                var blocks = body["blocks"]!.AsArray();
                Assert.InRange(blocks.Count, 1, SlackFormatter.MaxBlocks);
                Assert.All(blocks.Where(b => (string)b!["type"]! == "section"), b => Assert.InRange(((string)b!["text"]!["text"]!).Length, 1, SlackFormatter.MaxSectionText));
                break;
            case "feishu":
                Assert.InRange(request.Body.Length, 1, FeishuFormatter.MaxBodyBytes);
                break;
            case "dingtalk":
                Assert.InRange(Encoding.UTF8.GetByteCount((string)body["markdown"]!["text"]!), 1, DingTalkFormatter.MaxTextBytes);
                break;
            case "wecom":
                Assert.InRange(Encoding.UTF8.GetByteCount((string)body["markdown"]!["content"]!), 1, WeComFormatter.MaxContentBytes);
                break;
        }
        var text = flavor == "json" ? "" : request.Body.Length > 0 ? StrictUtf8.GetString(request.Body) : "";
        if (flavor != "json")
        {
            var listed = System.Text.RegularExpressions.Regex.Matches(text, "/commit/[0-9a-f]{40}").Count;
            Assert.True(listed < 100, "something had to be dropped");
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"还有 {107 - listed} 个提交"), text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(100, body["commits"]!.AsArray().Count);
        }
    }

    [Fact]
    public void WeCom_drops_whole_commits_to_stay_within_4096_bytes()
    {
        var digest = Day(30, i => $"fix: 修复调度器死锁问题 {i} " + string.Concat(Enumerable.Repeat("漢字🚀", 20)));

        var request = new WeComFormatter().Prepare(digest, Url, null, Now);

        var content = (string)Body(request)["markdown"]!["content"]!;
        Assert.InRange(Encoding.UTF8.GetByteCount(content), 3000, WeComFormatter.MaxContentBytes);
        var lines = content.Split('\n').Where(l => l.StartsWith("- [`", StringComparison.Ordinal)).ToList();
        Assert.InRange(lines.Count, 1, 29);
        Assert.All(lines, l => Assert.EndsWith("漢字🚀", l, StringComparison.Ordinal));
        Assert.Contains($"… 还有 {37 - lines.Count} 个提交", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Slack_text_is_escaped_and_cannot_mention_link_or_format()
    {
        Assert.Equal("&lt;!channel&gt; &amp; &lt;https://x|y&gt; *\u200Bbold*\u200B _\u200Bi_\u200B ~\u200Bs~\u200B `\u200Bc`\u200B a | b",
            WebhookText.SlackMrkdwn("<!channel> & <https://x|y> *bold* _i_ ~s~ `c` a | b"));
        Assert.Equal("one line tab", WebhookText.SlackMrkdwn("one\nline\ttab"));
        Assert.Equal("https://example.com/a?x=1&amp;y=%7C", WebhookText.SlackUrl("https://example.com/a?x=1&y=|"));
        Assert.Null(WebhookText.SlackUrl("javascript:alert(1)"));
    }

    [Fact]
    public void Markdown_text_is_escaped()
    {
        Assert.Equal(@"\<script\>alert(1)\</script\> \*a\* \_b\_ \[c\](http://d) \| \# \`e\`",
            WebhookText.Markdown("<script>alert(1)</script> *a* _b_ [c](http://d) | # `e`"));
        Assert.Equal(@"\# heading", WebhookText.Markdown("# heading"));
        Assert.Equal(@"\- item", WebhookText.Markdown("- item"));
    }

    [Fact]
    public void DingTalk_signs_the_url_with_an_encoded_signature()
    {
        // A timestamp whose signature has + / or = in base64 proves the URL encoding.
        var digest = Day(1, _ => "feat: x");
        for (var seconds = 0; seconds < 50; seconds++)
        {
            var now = Now.AddSeconds(seconds);
            var request = new DingTalkFormatter().Prepare(digest, Url, "SECsecret", now);

            var query = request.Url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            Assert.Equal("tok123456789", query["access_token"]);
            var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            Assert.Equal(timestamp, query["timestamp"]);
            Assert.DoesNotContain('+', query["sign"]);
            Assert.DoesNotContain('/', query["sign"]);
            Assert.DoesNotContain('=', query["sign"]);
            var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("SECsecret"), Encoding.UTF8.GetBytes(timestamp + "\nSECsecret")));
            Assert.Equal(expected, Uri.UnescapeDataString(query["sign"]));
        }
    }

    [Fact]
    public void Feishu_signs_the_body_with_timestamp_and_an_empty_message_hmac()
    {
        var request = new FeishuFormatter().Prepare(Day(2, i => $"feat: {i}"), Url, "SECsecret", Now);

        var body = Body(request);
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(timestamp, (string?)body["timestamp"]);
        Assert.Equal(Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(timestamp + "\nSECsecret"), Array.Empty<byte>())), (string?)body["sign"]);
        Assert.Equal(Url, request.Url);
        Assert.NotNull(body["content"]!["post"]!["zh_cn"]);
    }

    [Fact]
    public void Json_signs_the_exact_body()
    {
        var request = new JsonFormatter().Prepare(Day(3, i => $"feat: <{i}>"), Url, "SECsecret", Now);

        var header = Assert.Single(request.Headers);
        Assert.Equal("X-Gitbrief-Signature", header.Key);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("SECsecret"), request.Body)), header.Value);
        Assert.Equal("feat: <0>", (string?)Body(request)["commits"]![0]!["title"]);
    }

    [Fact]
    public void Rules_highlights_that_are_listed_commits_are_not_repeated()
    {
        var digest = Day(3, i => $"feat: {i}", ["feat: 0", "feat: 1", "something else"], ReportLanguage.En);

        var content = (string)Body(new WeComFormatter().Prepare(digest, Url, null, Now))["markdown"]!["content"]!;

        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(content, "feat: 0"));
        Assert.Contains("- something else", content, StringComparison.Ordinal);
        Assert.Contains("… 7 more commits", content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feishu", 200, """{"code":0,"msg":"success","data":{}}""", true, false)]
    [InlineData("feishu", 200, """{"StatusCode":0,"StatusMessage":"success"}""", true, false)]
    [InlineData("feishu", 200, """{"code":19021,"msg":"sign match fail"}""", false, false)]
    [InlineData("feishu", 200, """{"code":11232,"msg":"frequency limited"}""", false, true)]
    [InlineData("dingtalk", 200, """{"errcode":0,"errmsg":"ok"}""", true, false)]
    [InlineData("dingtalk", 200, """{"errcode":310000,"errmsg":"sign not match"}""", false, false)]
    [InlineData("dingtalk", 200, "not json", false, false)]
    [InlineData("wecom", 200, """{"errcode":45009,"errmsg":"api freq out of limit"}""", false, true)]
    [InlineData("wecom", 502, "", false, true)]
    [InlineData("slack", 200, "ok", true, false)]
    [InlineData("slack", 400, "invalid_blocks", false, false)]
    [InlineData("slack", 429, "rate_limited", false, true)]
    [InlineData("json", 204, "", true, false)]
    [InlineData("json", 301, "", false, false)]
    public void Answers_are_judged_like_the_platform(string flavor, int status, string body, bool delivered, bool transient)
    {
        var verdict = Formatter(flavor).Judge(status, body);

        Assert.Equal(delivered, verdict.Delivered);
        Assert.Equal(transient, verdict.Transient);
        if (!delivered)
        {
            Assert.DoesNotContain('\n', verdict.Problem!);
        }
    }
}
