using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Common;
using Gitbrief.Publishing;
using Gitbrief.Rendering;
using Gitbrief.Reports;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>A report read back from its JSON (what a fleet's publish job delivers from the store) renders to the same
/// JSON and Markdown, and the ledger records the same contents: readers get the same message whichever worker built it.</summary>
public sealed class JsonReportReaderTests
{
    public static TheoryData<ReportLanguage> Languages => new() { ReportLanguage.Zh, ReportLanguage.En };

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_sample_day_read_back_renders_the_same_json_and_markdown(ReportLanguage language)
    {
        var report = RenderingSamples.Report(language);
        var json = RenderingSamples.Json(report);

        var read = JsonReportReader.Read(json);

        Assert.Equal(json, RenderingSamples.Json(read));
        Assert.Equal(RenderingSamples.Markdown(report, language), RenderingSamples.Markdown(read, language));
        Assert.Equal(ReportChange.Contents(report), ReportChange.Contents(read));
    }

    [Fact]
    public void An_llm_report_of_a_day_not_over_keeps_its_analyses_themes_and_pull_requests()
    {
        var sample = RenderingSamples.Report(ReportLanguage.En);
        var first = sample.Entries[0];
        var llmEntry = first with
        {
            Commit = first.Commit with { LinkedPullRequest = new PullRequestInfo(first.Commit.PullRequest ?? 4242, "Speed up the scheduler", ["perf", "ready"]) },
            Importance = first.Importance with { Muted = true },
            Analysis = first.Analysis with
            {
                Source = AnalysisSource.Llm,
                Insights = new TechnicalInsights([new Insight("a new queue", "medium")], [], [new Insight("no secrets touched")]),
                Risks = ["the old path is gone"],
                LlmImportance = ImportanceLevel.Medium,
                FallbackReason = null,
            },
        };
        var report = sample with
        {
            Entries = [llmEntry, .. sample.Entries.Skip(1)],
            Partial = true,
            Highlights = ["The scheduler got faster"],
            Themes = [new ReportTheme { Title = "Scheduler", Summary = "Faster", Level = ImportanceLevel.High, Commits = [first.Commit.Sha], Counts = new ThemeCounts(1, 0, 0) }],
            Llm = new LlmRunInfo("sim-model", LlmUsage.None with { Requests = 3, Fallbacks = 1 }, TimeSpan.FromSeconds(2)),
        };
        var json = RenderingSamples.Json(report);

        var read = JsonReportReader.Read(json);

        Assert.Equal(json, RenderingSamples.Json(read));
        Assert.Equal(RenderingSamples.Markdown(report, ReportLanguage.En), RenderingSamples.Markdown(read, ReportLanguage.En));
        Assert.True(read.Partial);
        Assert.True(read.Entries[0].Importance.Muted);
        Assert.Equal("Speed up the scheduler", read.Entries[0].Commit.LinkedPullRequest?.Title);
        Assert.Equal(1, read.Llm?.Usage.Fallbacks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"schemaVersion\": 1}")]
    public void A_stored_report_that_does_not_read_is_an_error_of_the_repository(string json)
    {
        var error = Assert.Throws<RepositoryException>(() => JsonReportReader.Read(json));

        Assert.StartsWith("a stored report does not read", error.Message, StringComparison.Ordinal);
    }
}
