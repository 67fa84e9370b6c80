using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>The rendered sample day, compared byte for byte with the files in Golden/.
/// Run with GITBRIEF_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.</summary>
public sealed class GoldenTests
{
    [Fact]
    public void Chinese_markdown_matches_the_golden_file()
    {
        var report = RenderingSamples.Report(ReportLanguage.Zh);

        GoldenFile.Verify("sample-day.zh.md", RenderingSamples.Markdown(report, ReportLanguage.Zh));
    }

    [Fact]
    public void English_markdown_matches_the_golden_file()
    {
        var report = RenderingSamples.Report(ReportLanguage.En);

        GoldenFile.Verify("sample-day.en.md", RenderingSamples.Markdown(report, ReportLanguage.En));
    }

    [Fact]
    public void Json_matches_the_golden_file()
    {
        var report = RenderingSamples.Report(ReportLanguage.Zh);

        GoldenFile.Verify("sample-day.zh.json", RenderingSamples.Json(report));
    }

    [Fact]
    public void A_difference_is_shown_as_a_line_diff()
    {
        var diff = GoldenFile.Diff("a\nb\nc\n", "a\nB\nc\r\n");

        Assert.Contains("-    2 b", diff, StringComparison.Ordinal);
        Assert.Contains("+    2 B", diff, StringComparison.Ordinal);
        Assert.Contains("+    3 c\\r", diff, StringComparison.Ordinal);
    }
}
