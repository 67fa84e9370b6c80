using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Publishing;

/// <summary>The webhook target through the real command line (<c>gitbrief run</c>) against receivers that
/// check what each platform checks: signature, payload shape, size limit. A busy day with hostile titles,
/// delivered once, not again, again with --resend; a failing receiver fails only its target (exit 4) and
/// the rerun sends only what is missing; the URL and secrets never leave the environment.</summary>
public sealed class WebhookTargetTests : IAsyncLifetime
{
    private const string Day = "2026-01-12";
    private const string Origin = "https://github.com/acme/widgets.git";
    private const string CommitBase = "https://github.com/acme/widgets/commit/";
    private const string ReportUrl = "https://reports.example.com/2026/widgets/2026-01-12.md";

    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("widgets");
    private readonly List<WebhookReceiver> receivers = [];
    private readonly List<CliResult> results = [];
    private readonly List<string> secrets = [];

    /// <summary>The day's commits, newest first by level, as the digest must list them: high, then medium.</summary>
    private List<string> high = [];
    private List<string> medium = [];
    private int total;

    public Task InitializeAsync()
    {
        repo.Git("remote", "add", "origin", Origin);
        BusyDay();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var receiver in receivers)
        {
            await receiver.DisposeAsync();
        }
        repo.Dispose();
        workspace.Dispose();
    }

    /// <summary>36 commits: 12 high, 12 medium, 12 low, interleaved; titles with HTML, Markdown and mrkdwn
    /// syntax, a mass mention, long CJK text and emoji (multi-byte, surrogate pairs, ZWJ sequences).</summary>
    private void BusyDay()
    {
        var cjk = string.Concat(Enumerable.Repeat("新增分布式调度器支持", 14));
        string[] highTitles =
        [
            "security: drop <script>alert(1)</script> legacy handler",
            "security: *bold* claim | pipe `tick` _under_ ~strike~",
            $"security: {cjk} 🚀👩‍💻",
            "security: <!channel> [link](http://evil.example) & more",
        ];
        string[] mediumTitles =
        [
            "fix: handle # heading and > quote | table",
            $"fix: 修复调度器排序 {cjk[..60]} ✨",
            "fix: escape <b>bold</b> * and _ in names",
        ];
        for (var i = 0; i < 36; i++)
        {
            var time = string.Create(CultureInfo.InvariantCulture, $"{Day}T{8 + i / 4:D2}:{i % 4 * 15:D2}:00+08:00");
            switch (i % 3)
            {
                case 0:
                    high.Insert(0, repo.Write($"src/high{i}.py", $"x = {i}\n").Commit($"{highTitles[i / 3 % highTitles.Length]} #{i}", time));
                    break;
                case 1:
                    medium.Insert(0, repo.Write($"src/medium{i}.py", $"y = {i}\nz = {i}\nw = {i}\n").Commit($"{mediumTitles[i / 3 % mediumTitles.Length]} #{i}", time));
                    break;
                default:
                    repo.Write($"docs/low{i}.md", $"z {i}\n").Commit($"docs: notes {i}", time);
                    break;
            }
            total++;
        }
    }

    private async Task<WebhookReceiver> StartAsync(string flavor, bool signed = true, int port = 0, string? token = null)
    {
        var secret = signed && flavor is "feishu" or "dingtalk" or "json" ? "SEC" + Guid.NewGuid().ToString("N") : null;
        var receiver = await WebhookReceiver.StartAsync(flavor, secret, port, token);
        receivers.Add(receiver);
        secrets.Add(receiver.Token);
        if (secret is not null)
        {
            secrets.Add(secret);
        }
        return receiver;
    }

    private static string Env(WebhookReceiver receiver, string what) => $"GB_{receiver.Flavor.ToUpperInvariant()}_{what}";

    private static Dictionary<string, string> Environment(params WebhookReceiver[] receivers)
    {
        var environment = new Dictionary<string, string>();
        foreach (var receiver in receivers)
        {
            environment[Env(receiver, "URL")] = receiver.Url;
            if (receiver.Secret is not null)
            {
                environment[Env(receiver, "SECRET")] = receiver.Secret;
            }
        }
        return environment;
    }

    private static string Target(WebhookReceiver receiver, int maxCommits = 30)
    {
        var entry = new StringBuilder()
            .Append("  - type: webhook\n")
            .Append("    flavor: ").Append(receiver.Flavor).Append('\n')
            .Append("    url_env: ").Append(Env(receiver, "URL")).Append('\n');
        if (receiver.Secret is not null)
        {
            entry.Append("    secret_env: ").Append(Env(receiver, "SECRET")).Append('\n');
        }
        return entry.Append("    max_commits: ").Append(maxCommits.ToString(CultureInfo.InvariantCulture)).Append('\n').ToString();
    }

    private void Config(string language, params string[] targets) => workspace.WriteFile("gitbrief.yaml",
        $"""
        repositories:
          - repo: {repo.Path}
        language: {language}
        report_url: https://reports.example.com/{"{year}"}/{"{name}"}/{"{date}"}.md
        publish:
          - dir

        """ + string.Concat(targets));

    private CliResult Run(Dictionary<string, string> environment, params string[] extra)
    {
        var result = workspace.Cli(environment, ["run", "--date", Day, .. extra]);
        results.Add(result);
        return result;
    }

    /// <summary>No URL token or secret in any output of any run, nor in any file the runs left (reports, store).</summary>
    private void AssertNoSecretsLeaked()
    {
        var files = Directory.EnumerateFiles(workspace.Root, "*", SearchOption.AllDirectories)
            .Select(f => (Name: f, Text: Encoding.UTF8.GetString(File.ReadAllBytes(f)) + Encoding.Unicode.GetString(File.ReadAllBytes(f))))
            .ToList();
        foreach (var secret in secrets)
        {
            foreach (var result in results)
            {
                Assert.DoesNotContain(secret, result.Stdout + result.Stderr, StringComparison.Ordinal);
            }
            foreach (var (name, text) in files)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{name} holds a secret");
            }
        }
    }

    private static void AssertExit(int expected, CliResult result) => Assert.True(result.ExitCode == expected, result.ToString());

    public static TheoryData<string, string> Flavors => new()
    {
        { "slack", "en" },
        { "feishu", "zh" },
        { "dingtalk", "zh" },
        { "wecom", "zh" },
        { "json", "en" },
    };

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task A_busy_day_is_one_signed_digest_within_limits_sent_once_and_again_with_resend(string flavor, string language)
    {
        var receiver = await StartAsync(flavor);
        Config(language, Target(receiver));
        var environment = Environment(receiver);

        var first = Run(environment);

        AssertExit(0, first);
        Assert.Empty(receiver.Rejections);
        var message = Assert.Single(receiver.Messages);
        AssertDigest(message, language);
        Assert.True(workspace.ReportExists("widgets", Day), "the dir target still wrote the report");

        var second = Run(environment);

        AssertExit(0, second);
        Assert.Equal(1, receiver.Requests);
        Assert.Contains($"publish webhook:{flavor}: 0 delivered, 0 updated, 1 already there", second.Stderr, StringComparison.Ordinal);

        var resend = Run(environment, "--resend");

        AssertExit(0, resend);
        Assert.Empty(receiver.Rejections);
        Assert.Equal(2, receiver.Messages.Count);
        Assert.Contains($"publish webhook:{flavor}: 1 delivered", resend.Stderr, StringComparison.Ordinal);
        AssertNoSecretsLeaked();
    }

    /// <summary>The digest: heading, counts, high commits first then medium (a prefix of that order), each with
    /// its commit link, "… N more" for the rest, the report link, and the titles escaped for the platform.</summary>
    private void AssertDigest(ReceivedWebhook message, string language)
    {
        var expectedOrder = high.Concat(medium).ToList();
        if (message.Flavor == "json")
        {
            var json = message.Json;
            Assert.Equal("acme/widgets", (string?)json["repository"]);
            Assert.Equal(Day, (string?)json["date"]);
            Assert.Equal(language, (string?)json["language"]);
            Assert.Equal(total, (int)json["stats"]!["total"]!);
            Assert.Equal(12, (int)json["stats"]!["high"]!);
            Assert.Equal(12, (int)json["stats"]!["medium"]!);
            Assert.Equal(12, (int)json["stats"]!["low"]!);
            var commits = json["commits"]!.AsArray();
            Assert.Equal(expectedOrder, commits.Select(c => (string)c!["sha"]!));
            Assert.Equal(Enumerable.Repeat("high", 12).Concat(Enumerable.Repeat("medium", 12)), commits.Select(c => (string)c!["importance"]!));
            Assert.All(commits, c => Assert.Equal(CommitBase + (string)c!["sha"]!, (string?)c["url"]));
            Assert.Contains(commits, c => ((string)c!["title"]!).StartsWith("security: drop <script>alert(1)</script> legacy handler", StringComparison.Ordinal));
            Assert.Equal(total - 24, (int)json["moreCommits"]!);
            Assert.Equal(ReportUrl, (string?)json["reportUrl"]);
            Assert.NotNull(json["highlights"]!.AsArray());
            return;
        }
        var text = message.Text;
        Assert.Contains("widgets", text, StringComparison.Ordinal);
        Assert.Contains(Day, text, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "36 commits" : "本日共 36 个提交", text, StringComparison.Ordinal);
        var listed = message.Links.Where(l => l.StartsWith(CommitBase, StringComparison.Ordinal)).Select(l => l[CommitBase.Length..]).ToList();
        Assert.True(listed.Count >= 5, $"only {listed.Count} commits listed");
        Assert.Equal(expectedOrder.Take(listed.Count), listed);
        Assert.Contains(ReportUrl, message.Links);
        Assert.DoesNotContain(message.Links, l => l.Contains("evil", StringComparison.Ordinal));
        var more = total - listed.Count;
        Assert.Contains(language == "en" ? $"… {more} more commits" : $"… 还有 {more} 个提交", Unescape(message.Flavor, text), StringComparison.Ordinal);
        switch (message.Flavor)
        {
            case "slack":
                Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
                Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
                Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", text, StringComparison.Ordinal);
                Assert.DoesNotContain("*bold*", text, StringComparison.Ordinal);
                Assert.Contains("*\u200Bbold*\u200B claim | pipe `\u200Btick`\u200B", text, StringComparison.Ordinal);
                Assert.Equal(listed.Count + 1, System.Text.RegularExpressions.Regex.Count(text, "<https://"));
                break;
            case "feishu":
                // Feishu post text elements are shown literally.
                Assert.Contains("security: drop <script>alert(1)</script> legacy handler", text, StringComparison.Ordinal);
                break;
            default:
                Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
                Assert.Contains(@"\<script\>alert(1)\</script\>", text, StringComparison.Ordinal);
                Assert.Contains(@"\*bold\* claim \| pipe \`tick\` \_under\_ \~strike\~", text, StringComparison.Ordinal);
                Assert.Contains(@"\<!channel\> \[link\](http://evil.example) \& more", text, StringComparison.Ordinal);
                break;
        }
        if (message.Flavor == "wecom")
        {
            Assert.True(listed.Count < 24, "a busy day does not fit 4,096 bytes: commits are dropped");
        }
    }

    private static string Unescape(string flavor, string text) => flavor is "dingtalk" or "wecom" ? text.Replace("\\", "", StringComparison.Ordinal) : text;

    [Fact]
    public async Task A_receiver_refusing_the_signature_fails_only_its_target_and_the_rerun_sends_only_what_is_missing()
    {
        var feishu = await StartAsync("feishu");
        var dingtalk = await StartAsync("dingtalk");
        Config("zh", Target(feishu), Target(dingtalk));
        var environment = Environment(feishu, dingtalk);
        var wrong = new Dictionary<string, string>(environment) { [Env(dingtalk, "SECRET")] = "SECwrong" + Guid.NewGuid().ToString("N") };
        secrets.Add(wrong[Env(dingtalk, "SECRET")]);

        var failed = Run(wrong);

        AssertExit(4, failed);
        Assert.Single(feishu.Messages);
        Assert.Empty(dingtalk.Messages);
        Assert.Equal(["sign not match"], dingtalk.Rejections);
        var error = Assert.Single(failed.Stderr.Split('\n'), l => l.StartsWith("gitbrief: error:", StringComparison.Ordinal));
        Assert.Contains("publish webhook:dingtalk: acme/widgets 2026-01-12 not sent: dingtalk answered errcode 310000: sign not match", error, StringComparison.Ordinal);
        Assert.True(workspace.ReportExists("widgets", Day));

        var rerun = Run(environment);

        AssertExit(0, rerun);
        Assert.Single(feishu.Messages);
        Assert.Single(dingtalk.Messages);
        Assert.Contains("publish webhook:feishu: 0 delivered, 0 updated, 1 already there", rerun.Stderr, StringComparison.Ordinal);
        Assert.Contains("publish webhook:dingtalk: 1 delivered", rerun.Stderr, StringComparison.Ordinal);
        AssertNoSecretsLeaked();
    }

    [Fact]
    public async Task A_receiver_answering_errcode_310000_fails_its_target_with_exit_4()
    {
        var dingtalk = await StartAsync("dingtalk");
        var json = await StartAsync("json");
        dingtalk.Faults = _ => WebhookFault.PlatformError("dingtalk", 310000, "keywords not in content");
        Config("en", Target(dingtalk), Target(json));
        var environment = Environment(dingtalk, json);

        var failed = Run(environment);

        AssertExit(4, failed);
        Assert.Equal(1, dingtalk.Requests);
        Assert.Single(json.Messages);
        Assert.Contains("dingtalk answered errcode 310000: keywords not in content", failed.Stderr, StringComparison.Ordinal);

        dingtalk.Faults = _ => null;
        var rerun = Run(environment);

        AssertExit(0, rerun);
        Assert.Single(dingtalk.Messages);
        Assert.Single(json.Messages);
        AssertNoSecretsLeaked();
    }

    [Fact]
    public async Task A_receiver_that_is_down_fails_only_its_target_and_comes_back_on_the_rerun()
    {
        var wecom = await StartAsync("wecom");
        var slack = await StartAsync("slack");
        Config("zh", Target(wecom), Target(slack));
        var environment = Environment(wecom, slack);
        var (port, token) = (wecom.Port, wecom.Token);
        await wecom.DisposeAsync();
        receivers.Remove(wecom);

        var failed = Run(environment);

        AssertExit(4, failed);
        Assert.Single(slack.Messages);
        var error = Assert.Single(failed.Stderr.Split('\n'), l => l.StartsWith("gitbrief: error:", StringComparison.Ordinal));
        Assert.Contains("publish webhook:wecom: acme/widgets 2026-01-12 not sent: connection failed", error, StringComparison.Ordinal);
        Assert.Contains("after 4 attempts", error, StringComparison.Ordinal);

        var back = await StartAsync("wecom", port: port, token: token);
        var rerun = Run(environment);

        AssertExit(0, rerun);
        Assert.Single(back.Messages);
        Assert.Empty(back.Rejections);
        Assert.Single(slack.Messages);
        AssertNoSecretsLeaked();
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_rate_limit_or_an_outage_is_retried_after_the_servers_retry_after(int status)
    {
        var slack = await StartAsync("slack");
        slack.Faults = n => n == 1 ? new WebhookFault(status, "rate_limited", RetryAfterSeconds: 2) : null;
        Config("en", Target(slack));

        var result = Run(Environment(slack));

        AssertExit(0, result);
        Assert.Equal(2, slack.Requests);
        Assert.Single(slack.Messages);
        var arrivals = slack.Arrivals;
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromSeconds(1.9), $"retried after {(arrivals[1] - arrivals[0]).TotalSeconds:0.00} s");
        AssertNoSecretsLeaked();
    }

    [Fact]
    public async Task A_retry_after_given_as_an_http_date_is_waited_until()
    {
        var slack = await StartAsync("slack");
        // Whole seconds, as an HTTP date has: 2 to 3 s from now.
        var until = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3);
        slack.Faults = n => n == 1 ? new WebhookFault(429, "rate_limited", RetryAt: until) : null;
        Config("en", Target(slack));

        var result = Run(Environment(slack));

        AssertExit(0, result);
        Assert.Equal(2, slack.Requests);
        Assert.Single(slack.Messages);
        var retried = slack.Arrivals[1];
        Assert.True(retried >= until, $"retried at {retried:HH:mm:ss.fff}, asked to wait until {until:HH:mm:ss}");
        AssertNoSecretsLeaked();
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var slack = await StartAsync("slack");
        slack.Faults = _ => new WebhookFault(404, "no_service");
        Config("en", Target(slack));

        var result = Run(Environment(slack));

        AssertExit(4, result);
        Assert.Equal(1, slack.Requests);
        Assert.Contains("publish webhook:slack: acme/widgets 2026-01-12 not sent: slack answered HTTP 404: no_service", result.Stderr, StringComparison.Ordinal);
        AssertNoSecretsLeaked();
    }

    [Fact]
    public async Task Several_days_are_one_message_each_and_a_rerun_sends_nothing()
    {
        repo.Write("src/next.py", "n = 1\n").Commit("feat: next day feature", "2026-01-13T09:00:00+08:00");
        var feishu = await StartAsync("feishu");
        Config("en", Target(feishu, maxCommits: 3));
        var environment = Environment(feishu);

        var first = workspace.Cli(environment, "run", "--since", "2026-01-11", "--until", "2026-01-13");
        var second = workspace.Cli(environment, "run", "--since", "2026-01-11", "--until", "2026-01-13");
        results.AddRange([first, second]);

        AssertExit(0, first);
        AssertExit(0, second);
        Assert.Empty(feishu.Rejections);
        Assert.Equal(3, feishu.Messages.Count);
        Assert.Contains(feishu.Messages, m => m.Text.Contains("No commits on this day.", StringComparison.Ordinal));
        var busy = Assert.Single(feishu.Messages, m => m.Text.Contains(Day, StringComparison.Ordinal));
        Assert.Equal(high.Take(3), busy.Links.Where(l => l.StartsWith(CommitBase, StringComparison.Ordinal)).Select(l => l[CommitBase.Length..]));
        Assert.Contains("… 33 more commits", busy.Text, StringComparison.Ordinal);
        Assert.Contains("publish webhook:feishu: 0 delivered, 0 updated, 3 already there", second.Stderr, StringComparison.Ordinal);
        AssertNoSecretsLeaked();
    }

    public static TheoryData<string, string> BadTargets => new()
    {
        { "    flavor: slack\n    url: https://hooks.example.com/services/T/B/tokentokentoken\n", "never read from the file" },
        { "    url_env: GB_SLACK_URL\n", "needs 'flavor'" },
        { "    flavor: teams\n    url_env: GB_SLACK_URL\n", "flavor" },
        { "    flavor: slack\n", "needs 'url_env'" },
        { "    flavor: slack\n    url_env: GB_UNSET_URL\n", "environment variable GB_UNSET_URL (named by 'url_env') is not set" },
        { "    flavor: slack\n    url_env: GB_SLACK_URL\n    secret_env: GB_SLACK_SECRET\n", "flavor 'slack' has no signing secret" },
        { "    flavor: feishu\n    url_env: GB_SLACK_URL\n    secret_env: GB_UNSET_SECRET\n", "GB_UNSET_SECRET" },
        { "    flavor: json\n    url_env: GB_NOT_A_URL\n", "environment variable GB_NOT_A_URL (named by 'url_env') is not an http(s) URL" },
        { "    flavor: json\n    url_env: GB_SLACK_URL\n    max_commits: 1000\n", "max_commits" },
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public void A_bad_webhook_entry_is_a_one_line_config_error_with_file_and_line(string keys, string expected)
    {
        const string url = "http://127.0.0.1:9/services/T/B/sekrit-token-value";
        workspace.WriteFile("gitbrief.yaml", $"repositories:\n  - repo: {repo.Path}\npublish:\n  - type: webhook\n{keys}");

        var result = workspace.Cli(new Dictionary<string, string> { ["GB_SLACK_URL"] = url, ["GB_NOT_A_URL"] = "ftp://sekrit-token-value" }, "run", "--date", Day);

        AssertExit(2, result);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("gitbrief: error: ", line, StringComparison.Ordinal);
        Assert.Contains("gitbrief.yaml:", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("sekrit", line, StringComparison.Ordinal);
        Assert.DoesNotContain("tokentokentoken", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Out), "nothing is written on a config error");
    }
}
