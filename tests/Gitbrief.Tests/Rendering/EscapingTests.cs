using System.Text.RegularExpressions;
using Gitbrief.Analysis;
using Gitbrief.Rendering;
using Gitbrief.Reports;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>Commit text is untrusted: whatever a title, body, author, path or analysis says, the Markdown keeps its
/// structure (table columns, headings, lists, links) and shows the text literally.</summary>
public sealed partial class EscapingTests
{
    private static readonly string[] HostileTitles =
    [
        "fix: a | b || c |",
        "Use `code` and ``` fences and ~~~ too",
        "<script>alert(1)</script>",
        "# heading",
        "## another heading ##",
        "*bold* and _em_ and **strong** and ~~gone~~",
        "[x](javascript:alert(1))",
        "![img](javascript:alert(1)) and <javascript:alert(1)>",
        "literal \\n in the title and a trailing backslash \\",
        "title with\rcarriage return and\u2028line separator and\ttab",
        "> quoted",
        "- listed",
        "+ plus",
        "* star",
        "1. numbered",
        "2) numbered",
        "= setext",
        "---",
        "===",
        "<img src=x onerror=alert(1)> fixes XSS",
        "&lt;script&gt; &amp; &#60;",
        "$x^2$ and \\(math\\)",
        "[ref]: javascript:alert(1)",
        "<!-- comment --> <div>",
    ];

    private const string HostileBody =
        "\n\n- <script>alert(2)</script>\n* [y](javascript:alert(2))\n1. > quoted point\n- # heading point\n"
        + "- | pipe | point |\n- ---\n\nSigned-off-by: Eve <eve@example.com>\n";

    public static TheoryData<ReportLanguage> Languages => new() { ReportLanguage.Zh, ReportLanguage.En };

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_table_keeps_three_columns(ReportLanguage language)
    {
        var (report, markdown) = Render(language);
        var rows = MarkdownProbe.Lines(markdown).Where(l => l.StartsWith('|')).ToList();

        Assert.Equal(report.Entries.Count + 2, rows.Count);
        foreach (var row in rows)
        {
            Assert.True(MarkdownProbe.Unescaped(row, '|').Count() == 4, $"row does not have 3 cells: {row}");
            Assert.True(row.EndsWith(" |", StringComparison.Ordinal) || row.StartsWith("|---", StringComparison.Ordinal), row);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_raw_HTML_appears(ReportLanguage language)
    {
        var (_, markdown) = Render(language);

        foreach (var at in MarkdownProbe.Unescaped(markdown, '<'))
        {
            Assert.True(string.CompareOrdinal(markdown, at, "<br>", 0, 4) == 0, $"raw '<' at: {Around(markdown, at)}");
        }
        Assert.DoesNotMatch(RawScript(), markdown);
        Assert.Empty(MarkdownProbe.Unescaped(markdown, '&'));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Only_the_renderer_starts_headings(ReportLanguage language)
    {
        var (report, markdown) = Render(language);
        var headings = MarkdownProbe.Headings(markdown);
        var lines = MarkdownProbe.Lines(markdown);

        // Title, repository, statistics, highlights, contents, one heading per level group and per commit.
        Assert.Equal(3, report.Entries.Select(e => e.Level).Distinct().Count());
        Assert.NotEmpty(report.Highlights);
        Assert.Equal(8 + report.Entries.Count, headings.Count);
        var commitHeadings = headings.Where(h => h.Level == 4).ToList();
        var byGroup = new[] { ImportanceLevel.High, ImportanceLevel.Medium, ImportanceLevel.Low }.SelectMany(report.AtLevel);
        Assert.Equal(byGroup.Select(e => Fold(e.Commit.Title)), commitHeadings.Select(h => h.Text));
        Assert.All(headings.Where(h => h.Level != 4), h => Assert.DoesNotContain('\\', h.Source));

        // No setext heading: an underline of '=' or '-' only ever follows a blank line.
        for (var i = 1; i < lines.Count; i++)
        {
            if (SetextUnderline().IsMatch(lines[i]))
            {
                Assert.True(lines[i - 1].Length == 0, $"line {i + 1} underlines line {i}: {lines[i - 1]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Commit_text_opens_no_inline_markup(ReportLanguage language)
    {
        var (_, markdown) = Render(language);

        foreach (var heading in MarkdownProbe.Headings(markdown).Where(h => h.Level == 4))
        {
            foreach (var c in "`*_[]<>|~&$#")
            {
                Assert.True(!MarkdownProbe.Unescaped(heading.Source, c).Any(), $"unescaped '{c}' in heading: {heading.Source}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_javascript_link_is_made(ReportLanguage language)
    {
        var (_, markdown) = Render(language);
        var targets = MarkdownProbe.LinkTargets(markdown);

        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.True(t.StartsWith('#') || t.StartsWith("https://", StringComparison.Ordinal), $"link to {t}"));
        Assert.DoesNotContain(targets, t => !t.StartsWith('#') && t.Contains("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_list_item_or_line_starts_another_block(ReportLanguage language)
    {
        var (_, markdown) = Render(language);

        foreach (var line in MarkdownProbe.Lines(markdown))
        {
            // Commit text only ever starts a list item's content or a quote's content; the rest of a line
            // begins with the renderer's own markup.
            var item = ListItem().Match(line);
            if (item.Success)
            {
                Assert.False(BlockStart().IsMatch(item.Groups["content"].Value), $"list item starts a block: {line}");
            }
            else if (line.StartsWith('>'))
            {
                Assert.True(line.StartsWith("> ", StringComparison.Ordinal) && !BlockStart().IsMatch(line[2..]), $"quote starts a block: {line}");
            }
            else if (line.Length > 0)
            {
                Assert.Matches(RendererLineStart(), line);
            }
        }
        Assert.DoesNotContain('\r', markdown);
        Assert.DoesNotContain('\u2028', markdown);
        Assert.DoesNotContain('\u2029', markdown);
    }

    [Fact]
    public void Hostile_analysis_text_is_escaped_in_every_field()
    {
        const string Evil = "<script>x</script> | [l](javascript:alert(3)) *b*\n# h";
        var report = RenderingSamples.Report(ReportLanguage.Zh);
        var high = report.Entries[0];
        var hostile = high with
        {
            Analysis = high.Analysis with
            {
                FallbackReason = Evil,
                Summary = [Evil, "> " + Evil],
                Components = [new ImpactedComponent("src/<x>|y", 1, 2, 3)],
                Impact = ["- " + Evil],
                Insights = new TechnicalInsights([new Insight(Evil, "high")], [new Insight("1. " + Evil)], [new Insight(Evil, "<b>")]),
                Risks = [Evil],
                Recommendations = ["```" + Evil],
            },
        };
        report = report with { Entries = [hostile, .. report.Entries.Skip(1)] };

        var markdown = RenderingSamples.Markdown(report, ReportLanguage.Zh);

        Assert.DoesNotMatch(RawScript(), markdown);
        Assert.All(MarkdownProbe.LinkTargets(markdown), t => Assert.True(t.StartsWith('#') || t.StartsWith("https://", StringComparison.Ordinal), t));
        Assert.Equal(5 + 3 + report.Entries.Count, MarkdownProbe.Headings(markdown).Count);
        Assert.DoesNotContain(MarkdownProbe.Lines(markdown), l => l.TrimStart().TrimStart('-', ' ').StartsWith("```", StringComparison.Ordinal));
        Assert.Contains("> ⚠️ LLM 分析失败，以下为规则分析：\\<script\\>x\\</script\\> \\| ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_and_branch_names_are_escaped()
    {
        var report = RenderingSamples.Report(ReportLanguage.En) with
        {
            Repository = new ReportRepository("<evil>/re|po*", "javascript:alert(1)", "feat/<x>|*y*"),
        };

        var markdown = RenderingSamples.Markdown(report, ReportLanguage.En);

        Assert.Contains("## \\<evil\\>/re\\|po\\*\n", markdown, StringComparison.Ordinal);
        Assert.Contains("Branch feat/\\<x\\>\\|\\*y\\* · window", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(RawScript(), markdown);
    }

    [Fact]
    public void The_json_keeps_the_text_exactly_and_readably()
    {
        var report = HostileReport(ReportLanguage.Zh);
        var json = RenderingSamples.Json(report);
        var parsed = JsonReportRenderer.Parse(json);

        Assert.Equal(report.Entries.Select(e => e.Commit.Title), parsed.Commits.Select(c => c.Title));
        Assert.Equal(report.Entries.Select(e => e.Commit.Message), parsed.Commits.Select(c => c.Message));
        // Only JSON's own escapes: offsets and CJK stay readable (HTML output escapes for itself).
        Assert.DoesNotContain("\\u002B", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003C", json, StringComparison.Ordinal);
        Assert.Contains("+08:00", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', json);
    }

    private static (DailyReport Report, string Markdown) Render(ReportLanguage language)
    {
        var report = HostileReport(language);
        return (report, RenderingSamples.Markdown(report, language));
    }

    private static DailyReport HostileReport(ReportLanguage language)
    {
        var commits = HostileTitles
            .Select((title, i) => RenderingSamples.Commit(
                RenderingSamples.FakeSha(100 + i),
                new Person(i % 2 == 0 ? "Eve | <b>evil</b> *x*" : "- Mallory > # 1.", "eve@example.com"),
                RenderingSamples.At(2026, 1, 12, 22, 0, 0).AddMinutes(-i),
                title + (i % 3 == 0 ? HostileBody : "\n# not a heading\n> not a quote\n| not | a | row |\n")
                    + (i == 1 ? "\nRejects untrusted paths outside the root.\n" : string.Empty),
                i % 5 == 4
                    ? [new FileChange($"docs/<b>|{i}*.md", null, FileStatus.Modified, 1, 1, false)]
                    : [
                        new FileChange($"src/we|rd_<dir>/*star{i}*.py", null, FileStatus.Modified, 5 + (40 * (i % 3)), 1, false),
                        new FileChange("api/[x](javascript:alert(1)).py", null, FileStatus.Modified, 2, 1, false),
                    ]))
            .ToList();
        return RenderingSamples.Build(language, commits);
    }

    /// <summary>What a heading shows for a title: white space and control characters folded to single spaces.</summary>
    private static string Fold(string title) => WhiteSpace().Replace(title, " ").Trim();

    private static string Around(string text, int at) => text[Math.Max(0, at - 30)..Math.Min(text.Length, at + 30)];

    [GeneratedRegex(@"(?<!\\)<script", RegexOptions.IgnoreCase)]
    private static partial Regex RawScript();

    [GeneratedRegex(@"^ {0,3}(=+|-+)[ \t]*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^ *(?:[-+*]|\d{1,9}[.)]) (?<content>.*)$")]
    private static partial Regex ListItem();

    /// <summary>Text that would open a block of its own: heading, quote, list item, fence, thematic break, HTML.</summary>
    [GeneratedRegex(@"^(#{1,6}(\s|$)|>|[-+*](\s|$)|\d{1,9}[.)](\s|$)|```|~~~|(\*\s*){3,}$|(_\s*){3,}$|<)")]
    private static partial Regex BlockStart();

    /// <summary>How the renderer's own lines begin: headings, table rows, bold labels, separators, the window line.</summary>
    [GeneratedRegex(@"^(#{1,4} |\| |\|---|\*\*[^*\\]+\*\*|---$|分支 |Branch )")]
    private static partial Regex RendererLineStart();

    [GeneratedRegex(@"[\s\p{Cc}\u2028\u2029]+")]
    private static partial Regex WhiteSpace();
}
