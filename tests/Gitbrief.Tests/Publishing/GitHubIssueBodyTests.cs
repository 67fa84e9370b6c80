using Gitbrief.Configuration;
using Gitbrief.Publishing;
using Gitbrief.Rendering;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Publishing;

/// <summary>The github-issue target's body and title, in memory: the digest of an oversize report at every
/// limit lists whole commits only and is built from the report, not from its Markdown; the default and
/// configured titles.</summary>
public sealed class GitHubIssueBodyTests
{
    private const string Url = "https://reports.example.com/2026/sglang/2026-01-12.md";

    private static PublishedReport Sample(ReportLanguage language)
    {
        var report = RenderingSamples.Report(language);
        return new PublishedReport(report, "sglang", RenderingSamples.Markdown(report, language), "{}"u8.ToArray(), "hash");
    }

    [Theory]
    [InlineData(ReportLanguage.En)]
    [InlineData(ReportLanguage.Zh)]
    public void A_report_that_fits_is_the_body_as_it_is(ReportLanguage language)
    {
        var report = Sample(language);

        Assert.Equal(report.Markdown, GitHubIssueBody.Compose(report, language, Url));
    }

    [Theory]
    [InlineData(ReportLanguage.En)]
    [InlineData(ReportLanguage.Zh)]
    public void At_every_limit_the_digest_fits_lists_whole_commits_and_counts_the_rest(ReportLanguage language)
    {
        var report = Sample(language);
        var total = report.Report.Stats.Total;
        // The digest lists the high and medium commits (4 in the sample) and counts the rest.
        var top = report.Report.Stats.High + report.Report.Stats.Medium;
        var previous = 0;
        var cut = false;
        for (var limit = 700; limit < report.Markdown.Length; limit += 97)
        {
            var body = GitHubIssueBody.Compose(report, language, Url, limit);

            Assert.InRange(body.Length, 1, limit);
            Assert.StartsWith("# ", body, StringComparison.Ordinal);
            Assert.Contains($"]({Url})", body, StringComparison.Ordinal);
            Assert.DoesNotContain(body.Split('\n'), line => line.StartsWith('|'));
            Assert.EndsWith("\n", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n\n", body, StringComparison.Ordinal);
            // Each listed commit is one whole line with its link; the line under the list counts the others.
            var listed = body.Split('\n').Count(l => l.StartsWith("- [`", StringComparison.Ordinal) && l.Contains("/commit/", StringComparison.Ordinal));
            Assert.InRange(listed, previous, top);
            Assert.Contains(Labels.For(language).MoreCommits(total - listed), body, StringComparison.Ordinal);
            cut |= listed < top;
            previous = listed;
        }
        Assert.True(cut, "some limit leaves commits out");
        Assert.Equal(top, previous);
    }

    [Theory]
    [InlineData(ReportLanguage.En)]
    [InlineData(ReportLanguage.Zh)]
    public void The_digest_is_built_from_the_report_not_from_its_Markdown(ReportLanguage language)
    {
        var report = Sample(language);
        var labels = Labels.For(language);
        // What a renderer change would do: other heading texts (padded to the same length, as the note gives the
        // length), or another text altogether.
        var renamed = report.Markdown.Replace("### " + labels.Statistics, "### Numbers", StringComparison.Ordinal)
            .Replace("### " + labels.Group(ImportanceLevel.High, 2), "### Big ones", StringComparison.Ordinal);
        renamed = renamed.PadRight(report.Markdown.Length, ' ');
        var other = new string('x', report.Markdown.Length);
        const int limit = 4000;

        var body = GitHubIssueBody.Compose(report, language, Url, limit);

        Assert.NotEqual(report.Markdown, renamed);
        Assert.Equal(body, GitHubIssueBody.Compose(report with { Markdown = renamed }, language, Url, limit));
        Assert.Equal(body, GitHubIssueBody.Compose(report with { Markdown = other }, language, Url, limit));
        Assert.Contains("### " + labels.Statistics, body, StringComparison.Ordinal);
        Assert.Contains("### " + labels.Group(ImportanceLevel.High, 2), body, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_report_url_the_digest_names_the_archived_file()
    {
        var report = Sample(ReportLanguage.En);

        var body = GitHubIssueBody.Compose(report, ReportLanguage.En, reportUrl: null, limit: 4000);

        Assert.Contains("Full report: `2026/sglang/2026-01-12.md`", body, StringComparison.Ordinal);
    }

    private static GitHubIssueTarget Target(IReadOnlyDictionary<string, object>? extra = null)
    {
        var values = new Dictionary<string, object> { ["repo"] = "acme/briefs" };
        foreach (var (key, value) in extra ?? new Dictionary<string, object>())
        {
            values[key] = value;
        }
        var context = new PublishContext(name => name == "GITHUB_TOKEN" ? "ghp_unitTestToken0000" : null, "out", "cache", ["md"], TimeProvider.System);
        return (GitHubIssueTarget)GitHubIssueTarget.Create(TargetSettings.From("github-issue", values), context);
    }

    [Theory]
    [InlineData(ReportLanguage.Zh, false, "仓库更新报告 (2026-01-12)")]
    [InlineData(ReportLanguage.Zh, true, "sgl-project/sglang 仓库更新报告 (2026-01-12)")]
    [InlineData(ReportLanguage.En, false, "Repository update report (2026-01-12)")]
    [InlineData(ReportLanguage.En, true, "sgl-project/sglang: Repository update report (2026-01-12)")]
    public void The_default_title_names_the_repository_only_when_the_batch_has_several(ReportLanguage language, bool several, string expected)
    {
        Assert.Equal(expected, Target().Title(Sample(language), language, several));
    }

    [Fact]
    public void A_configured_title_is_filled_in_and_made_unique_per_repository_when_needed()
    {
        var target = Target(new Dictionary<string, object> { ["title"] = "Brief {date}" });
        var named = Target(new Dictionary<string, object> { ["title"] = "Brief {name} {date}" });

        Assert.Equal("Brief 2026-01-12", target.Title(Sample(ReportLanguage.En), ReportLanguage.En, false));
        Assert.Equal("Brief 2026-01-12 - sgl-project/sglang", target.Title(Sample(ReportLanguage.En), ReportLanguage.En, true));
        Assert.Equal("Brief sglang 2026-01-12", named.Title(Sample(ReportLanguage.En), ReportLanguage.En, true));
    }

    [Fact]
    public void An_unknown_placeholder_in_the_title_is_a_config_error()
    {
        var error = Assert.Throws<Common.UsageException>(() => Target(new Dictionary<string, object> { ["title"] = "{repo} {date}" }));

        Assert.Contains("unknown placeholder {repo}", error.Message, StringComparison.Ordinal);
    }
}
