using System.Text.Json;
using Gitbrief.Rendering;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>A day without commits still gets a report that says so, with zero statistics and valid JSON.</summary>
public sealed class EmptyDayTests
{
    [Theory]
    [InlineData(ReportLanguage.Zh, "本日无提交。", "> 本日共 0 个提交 | 🔴高 0 | 🟡中 0 | 🟢低 0")]
    [InlineData(ReportLanguage.En, "No commits on this day.", "> 0 commits | 🔴 High 0 | 🟡 Medium 0 | 🟢 Low 0")]
    public void The_markdown_says_there_were_no_commits(ReportLanguage language, string noCommits, string statistics)
    {
        var markdown = RenderingSamples.Markdown(RenderingSamples.Empty(language), language);
        var lines = MarkdownProbe.Lines(markdown);

        Assert.Contains(noCommits, lines);
        Assert.Contains(statistics, lines);
        Assert.StartsWith("# " + Labels.For(language).Title("2026-01-12") + "\n\n## sgl-project/sglang\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith('|'));
        Assert.DoesNotContain(lines, l => l.StartsWith("####", StringComparison.Ordinal));
        Assert.DoesNotContain(Labels.For(language).Contents, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(Labels.For(language).Highlights, markdown, StringComparison.Ordinal);
        Assert.Empty(MarkdownProbe.FragmentLinks(markdown));
        // The counts come first (the day at a glance), then the sentence that stands in for the commit table.
        Assert.EndsWith(statistics + "\n\n" + noCommits + "\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportLanguage.Zh, "本日无提交。")]
    [InlineData(ReportLanguage.En, "No commits on this day.")]
    public void It_says_so_without_statistics_or_grouping_too(ReportLanguage language, string noCommits)
    {
        var options = RenderOptions.Default with { Language = language, EnableStats = false, EnableGrouping = false };

        var markdown = new MarkdownRenderer(options).Render(RenderingSamples.Empty(language));

        Assert.EndsWith("\n\n" + noCommits + "\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(Labels.For(language).AllChanges, markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportLanguage.Zh)]
    [InlineData(ReportLanguage.En)]
    public void The_json_is_valid_with_no_commits(ReportLanguage language)
    {
        var json = RenderingSamples.Json(RenderingSamples.Empty(language));

        var parsed = JsonReportRenderer.Parse(json);
        Assert.Equal(1, parsed.SchemaVersion);
        Assert.Equal("2026-01-12", parsed.Date);
        Assert.Equal(new JsonStats(0, 0, 0, 0), parsed.Stats);
        Assert.Empty(parsed.Commits);
        Assert.Empty(parsed.Highlights);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("commits").ValueKind);
        Assert.Equal(0, document.RootElement.GetProperty("commits").GetArrayLength());
        Assert.Contains("\"commits\": []", json, StringComparison.Ordinal);
        Assert.Equal("2026-01-12T00:00:00+08:00", document.RootElement.GetProperty("window").GetProperty("start").GetString());
    }
}
