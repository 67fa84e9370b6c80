using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gitbrief.Publishing;
using Gitbrief.Publishing.Digests;
using Gitbrief.Publishing.Webhooks;
using Gitbrief.Rendering;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Publishing;

/// <summary>One digest for every message: the same day says the same things — counts, highlights, themes, the same
/// top commits in the same order — in the issue body, both parts of the mail and every webhook flavour.</summary>
public sealed partial class DayDigestTests
{
    private const string ReportUrl = "https://reports.example.com/2026/sglang/2026-01-12.md";
    private const string Point = "Throughput up 12% on H100";
    private static readonly Uri Hook = new("https://hooks.example.com/hook/abcdef");
    private static readonly DateTimeOffset Now = new(2026, 1, 13, 1, 0, 0, TimeSpan.Zero);

    private static PublishedReport Sample(ReportLanguage language)
    {
        var built = RenderingSamples.Report(language);
        // Rules-mode highlights are the high titles (shown once, as listed commits); one more point shows as a highlight.
        var report = built with { Highlights = [.. built.Highlights, Point] };
        return new PublishedReport(report, "sglang", RenderingSamples.Markdown(report, language), "{}"u8.ToArray(), "hash") { Language = language };
    }

    /// <summary>Every message of the day, as the text a reader sees (escapes of the format removed).</summary>
    private static Dictionary<string, string> Messages(PublishedReport published, ReportLanguage language)
    {
        var batch = new PublishBatch([published], language, Resend: false, Now) { ReportUrlTemplate = "https://reports.example.com/{year}/{name}/{date}.md" };
        var mail = EmailDigest.Build([(published, null)], batch, subject: null);
        var messages = new Dictionary<string, string>
        {
            ["issue"] = GitHubIssueBody.Compose(published, language, ReportUrl, limit: published.Markdown.Length - 1),
            ["mail text"] = mail.Text,
            ["mail html"] = System.Net.WebUtility.HtmlDecode(mail.Html),
        };
        WebhookFormatter[] formatters = [new SlackFormatter(), new FeishuFormatter(), new DingTalkFormatter(), new WeComFormatter()];
        foreach (var formatter in formatters)
        {
            var digest = DayDigest.Of(published, language, batch.ReportUrl(published), change: null, WebhookTarget.DefaultMaxCommits);
            var payload = JsonNode.Parse(formatter.Prepare(digest, Hook, secret: null, Now).Body)!;
            messages[formatter.Flavor] = string.Join("\n", Strings(payload));
        }
        return messages.ToDictionary(m => m.Key, m => m.Value.Replace("\\", "", StringComparison.Ordinal).Replace("\u200B", "", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [Theory]
    [InlineData(ReportLanguage.En)]
    [InlineData(ReportLanguage.Zh)]
    public void The_same_day_says_the_same_in_the_issue_the_mail_and_every_webhook(ReportLanguage language)
    {
        var published = Sample(language);
        var labels = Labels.For(language);
        var report = published.Report;
        var stats = report.Stats;
        // The top commits: high, then medium, in the report's order.
        var top = report.AtLevel(ImportanceLevel.High).Concat(report.AtLevel(ImportanceLevel.Medium)).Select(e => e.CommitUrl!).ToList();
        Assert.Equal(4, top.Count);

        var messages = Messages(published, language);

        Assert.Equal(7, messages.Count);
        foreach (var (channel, text) in messages)
        {
            Assert.True(text.Contains(labels.StatisticsLine(stats.Total, stats.High, stats.Medium, stats.Low), StringComparison.Ordinal), $"{channel}: statistics");
            Assert.True(text.Contains(Point, StringComparison.Ordinal), $"{channel}: highlight");
            foreach (var theme in report.Themes)
            {
                var counts = theme.Counts;
                Assert.True(text.Contains($"{theme.Title} — {labels.ThemeSize(counts.Total, counts.High, counts.Medium, counts.Low)}", StringComparison.Ordinal), $"{channel}: theme {theme.Title}");
            }
            var links = CommitLink().Matches(text).Select(m => m.Value).ToList();
            Assert.True(top.SequenceEqual(channel == "mail text" ? links.Distinct() : links), $"{channel}: commits {string.Join(", ", links)}");
            Assert.True(text.Contains(labels.MoreCommits(stats.Total - top.Count), StringComparison.Ordinal), $"{channel}: the commits not listed");
            Assert.True(text.Contains(ReportUrl, StringComparison.Ordinal), $"{channel}: the report link");
        }
    }

    [Fact]
    public void The_json_flavour_carries_the_same_digest_as_fields()
    {
        var published = Sample(ReportLanguage.En);
        var report = published.Report;
        var digest = DayDigest.Of(published, ReportLanguage.En, ReportUrl, change: null, WebhookTarget.DefaultMaxCommits);

        var json = JsonNode.Parse(new JsonFormatter().Prepare(digest, Hook, secret: null, Now).Body)!;

        Assert.Equal(report.Stats.Total, (int)json["stats"]!["total"]!);
        Assert.Equal(report.Stats.High, (int)json["stats"]!["high"]!);
        Assert.Contains(Point, json["highlights"]!.AsArray().Select(h => (string)h!));
        Assert.Equal(report.Themes.Select(t => t.Title), json["themes"]!.AsArray().Select(t => (string)t!["title"]!));
        Assert.Equal(report.Themes.Select(t => t.Counts.Total), json["themes"]!.AsArray().Select(t => (int)t!["commits"]!));
        Assert.Equal(
            report.AtLevel(ImportanceLevel.High).Concat(report.AtLevel(ImportanceLevel.Medium)).Select(e => e.Commit.Sha),
            json["commits"]!.AsArray().Select(c => (string)c!["sha"]!));
        Assert.Equal(report.Stats.Total - report.Stats.High - report.Stats.Medium, (int)json["moreCommits"]!);
        Assert.False((bool)json["partial"]!);
    }

    [Theory]
    [InlineData(ReportLanguage.En)]
    [InlineData(ReportLanguage.Zh)]
    public void A_day_not_over_says_so_in_every_message(ReportLanguage language)
    {
        var sample = Sample(language);
        var published = sample with { Report = sample.Report with { Partial = true } };
        var note = Labels.For(language).PartialNote("2026-01-12 23:59:59");

        var messages = Messages(published, language);

        Assert.All(messages, m => Assert.True(m.Value.Contains(note, StringComparison.Ordinal), m.Key));
    }

    [GeneratedRegex("https://github.com/sgl-project/sglang/commit/[0-9a-f]{40}")]
    private static partial Regex CommitLink();
}
