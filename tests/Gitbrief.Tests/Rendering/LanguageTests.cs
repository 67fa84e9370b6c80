using System.Text.Json;
using Gitbrief.Reports;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>English reports carry no Chinese of their own: every CJK character in them comes from commit text.</summary>
public sealed class LanguageTests
{
    [Fact]
    public void English_markdown_has_no_CJK_beyond_the_commit_text()
    {
        var report = RenderingSamples.Report(ReportLanguage.En);

        AssertCjkOnlyFromCommits(RenderingSamples.Markdown(report, ReportLanguage.En), report);
    }

    [Fact]
    public void English_json_has_no_CJK_beyond_the_commit_text()
    {
        var report = RenderingSamples.Report(ReportLanguage.En);
        using var document = JsonDocument.Parse(RenderingSamples.Json(report));

        AssertCjkOnlyFromCommits(Strings(document.RootElement), report);
    }

    [Fact]
    public void English_reports_of_other_days_have_no_CJK_at_all()
    {
        var commits = RenderingSamples.Commits.Where(c => MarkdownProbe.CjkRuns(c.Message + c.Author.Name).Count == 0).ToList();
        var reports = new[] { RenderingSamples.Build(ReportLanguage.En, commits), RenderingSamples.Empty(ReportLanguage.En) };

        foreach (var report in reports)
        {
            Assert.Empty(MarkdownProbe.CjkRuns(RenderingSamples.Markdown(report, ReportLanguage.En)));
            Assert.Empty(MarkdownProbe.CjkRuns(RenderingSamples.Json(report)));
        }
    }

    [Fact]
    public void The_sample_day_does_contain_commit_text_in_Chinese()
    {
        var markdown = RenderingSamples.Markdown(RenderingSamples.Report(ReportLanguage.En), ReportLanguage.En);

        Assert.Contains("修复调度器在空批次时的越界读取", markdown, StringComparison.Ordinal);
        Assert.Contains("| 张伟 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_markdown_uses_the_Chinese_labels()
    {
        var markdown = RenderingSamples.Markdown(RenderingSamples.Report(ReportLanguage.Zh), ReportLanguage.Zh);

        Assert.StartsWith("# 每日更新报告（2026-01-12）\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 提交时间 | 作者 | 提交信息 |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Daily Update Report", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(" file", markdown, StringComparison.Ordinal);
    }

    private static void AssertCjkOnlyFromCommits(string text, DailyReport report)
    {
        var commitText = string.Join("\n", report.Entries.SelectMany(e =>
            new[] { e.Commit.Message, e.Commit.Author.Name, e.Commit.Committer.Name }.Concat(e.Commit.Files.Select(Paths))));
        foreach (var run in MarkdownProbe.CjkRuns(text))
        {
            Assert.True(commitText.Contains(run, StringComparison.Ordinal), $"'{run}' is not from any commit");
        }
    }

    private static string Paths(FileChange f) => f.Path + "\n" + f.OldPath;

    private static string Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join("\n", element.EnumerateObject().Select(p => p.Name + "\n" + Strings(p.Value))),
        JsonValueKind.Array => string.Join("\n", element.EnumerateArray().Select(Strings)),
        JsonValueKind.String => element.GetString()!,
        _ => string.Empty,
    };
}
