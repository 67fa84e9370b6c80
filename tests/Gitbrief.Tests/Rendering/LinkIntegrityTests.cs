using Gitbrief.Rendering;
using Gitbrief.Reports;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>Every table-of-contents link must land on a heading, with anchors computed by an independent
/// implementation of GitHub's slug rules (<see cref="ReferenceSlugger"/>), not by the renderer's own slugger.</summary>
public sealed class LinkIntegrityTests
{
    /// <summary>Titles whose anchors are easy to get wrong: repeats, a title that looks like a repeat's suffix,
    /// titles equal to the report's own headings, punctuation only, CJK, marks, emoji, escapes.</summary>
    private static readonly string[] TrickyTitles =
    [
        "Fix typo 1",
        "Fix typo",
        "Fix typo",
        "fix TYPO",
        "sgl-project/sglang",
        "📊 统计摘要",
        "📊 Summary statistics",
        "✨ 今日要点",
        "📋 目录",
        "🔴 高重要度变更 (1)",
        "Tiny fix typo `minxin` -> `mixin` (#16908)",
        "[diffusion] Support I2I/TI2I/I2V/TI2V warmup && T2I/T2V warmup bug fix (#16922)",
        "Bugfix: EagleDraftWorker has not attribute \"eagle_use_aux_hidden_state\" (#16480)",
        "snake_case_name and __dunder__",
        "C# & C++ <T> | x*y ~ $PATH",
        "修复：调度器（scheduler）死锁，见 #123。",
        "Café déjà vu – naïve résumé",
        "Cafe\u0301 decomposed",
        "👩‍💻 🚀 emoji only?",
        "⚠️ variation selector",
        "Ⅻ x² ½ numbers",
        "ＦＵＬＬＷＩＤＴＨ　ｔｅｘｔ",
        "  padded \t title  with   spaces ",
        "a very long title that will certainly be truncated in the table of contents because it goes on and on",
        "🎉",
        "!!!",
    ];

    public static TheoryData<ReportLanguage> Languages => new() { ReportLanguage.Zh, ReportLanguage.En };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_link_of_the_sample_day_resolves_to_a_heading(ReportLanguage language)
    {
        var markdown = RenderingSamples.Markdown(RenderingSamples.Report(language), language);

        AssertLinksResolve(markdown);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_link_resolves_with_tricky_titles(ReportLanguage language)
    {
        var report = TrickyReport(language);
        var markdown = RenderingSamples.Markdown(report, language);

        AssertLinksResolve(markdown);
        Assert.Equal(report.Entries.Count, Headings(markdown, 4).Count);
    }

    [Theory]
    [InlineData(ReportLanguage.Zh, false, true)]
    [InlineData(ReportLanguage.Zh, true, false)]
    [InlineData(ReportLanguage.Zh, false, false)]
    [InlineData(ReportLanguage.En, false, true)]
    [InlineData(ReportLanguage.En, true, false)]
    public void Every_link_resolves_whatever_the_options(ReportLanguage language, bool grouping, bool stats)
    {
        var options = RenderOptions.Default with { Language = language, EnableGrouping = grouping, EnableStats = stats };
        var markdown = new MarkdownRenderer(options).Render(TrickyReport(language));

        AssertLinksResolve(markdown);
        Assert.Equal(stats, markdown.Contains("\n### " + Labels.For(language).Statistics, StringComparison.Ordinal));
    }

    [Fact]
    public void The_contents_link_each_commit_to_its_own_heading_in_order()
    {
        var markdown = RenderingSamples.Markdown(TrickyReport(ReportLanguage.Zh), ReportLanguage.Zh);
        var anchors = MarkdownProbe.HeadingAnchors(markdown);
        var headings = MarkdownProbe.Headings(markdown);
        var commitAnchors = headings.Select((h, i) => (h, anchor: anchors[i])).Where(x => x.h.Level == 4 && x.anchor.Length > 0).Select(x => x.anchor).ToList();
        var commitLinks = MarkdownProbe.Lines(markdown)
            .Where(l => l.StartsWith("    - [", StringComparison.Ordinal))
            .Select(l => MarkdownProbe.FragmentLinks(l).Single())
            .ToList();

        Assert.Equal(commitAnchors, commitLinks);
    }

    [Fact]
    public void Repeated_titles_get_numbered_anchors_as_on_GitHub()
    {
        var markdown = RenderingSamples.Markdown(TrickyReport(ReportLanguage.En), ReportLanguage.En);
        var links = MarkdownProbe.FragmentLinks(markdown);

        // "Fix typo 1" comes first and takes fix-typo-1, so the second "Fix typo" must skip to fix-typo-2.
        Assert.Contains("fix-typo-1", links);
        Assert.Contains("fix-typo", links);
        Assert.Contains("fix-typo-2", links);
        Assert.Contains("fix-typo-3", links);
        Assert.Contains("sgl-projectsglang-1", links);
        Assert.Contains("-summary-statistics-1", links);
    }

    [Fact]
    public void A_title_without_an_anchor_is_listed_without_a_link()
    {
        var report = RenderingSamples.Build(ReportLanguage.En,
        [
            RenderingSamples.Simple(1, "🎉\n"),
            RenderingSamples.Simple(2, "...\n"),
            RenderingSamples.Simple(3, "\n\n"),
            RenderingSamples.Simple(4, "🎉\n"),
        ]);
        var markdown = RenderingSamples.Markdown(report, ReportLanguage.En);
        var lines = MarkdownProbe.Lines(markdown);

        AssertLinksResolve(markdown);
        Assert.Contains("    - 🎉", lines);
        // GitHub numbers repeats of the empty slug like any other: "-1", "-2", …
        Assert.Contains("    - [...](#-1)", lines);
        // An empty message is headed by its short sha, which anchors like any title.
        var sha = RenderingSamples.Simple(3, "\n\n").ShortSha;
        Assert.Contains($"    - [{sha}](#{sha})", lines);
        Assert.Contains($"#### {sha}", lines);
        Assert.Contains("    - [🎉](#-2)", lines);
        Assert.DoesNotContain("](#)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_slugger_follows_GitHub()
    {
        var slugger = new ReferenceSlugger();

        Assert.Equal("sgl-projectsglang", slugger.Slug("sgl-project/sglang"));
        Assert.Equal("-统计摘要", slugger.Slug("📊 统计摘要"));
        Assert.Equal("-高重要度变更-2", slugger.Slug("🔴 高重要度变更 (2)"));
        Assert.Equal("tiny-fix-typo-minxin---mixin-16908", slugger.Slug("Tiny fix typo minxin -> mixin (#16908)"));
        Assert.Equal("snake_case", slugger.Slug("snake_case"));
        Assert.Equal("a", slugger.Slug("a"));
        Assert.Equal("a-1", slugger.Slug("a"));
        Assert.Equal("a-1-1", slugger.Slug("a-1"));
        Assert.Equal("a-2", slugger.Slug("a"));
    }

    private static void AssertLinksResolve(string markdown)
    {
        var anchors = MarkdownProbe.HeadingAnchors(markdown);
        var links = MarkdownProbe.FragmentLinks(markdown);
        var contents = ContentsLinks(markdown);

        Assert.NotEmpty(links);
        Assert.Equal(anchors.Count, anchors.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(contents.Count, contents.Distinct(StringComparer.Ordinal).Count());
        foreach (var link in links)
        {
            Assert.True(link.Length > 0, "a contents link has an empty anchor");
            Assert.True(anchors.Contains(link, StringComparer.Ordinal),
                $"#{link} matches no heading; headings give: {string.Join(", ", anchors.Select(a => "#" + a))}");
        }
        // Every commit heading that has an anchor is reachable from the contents.
        var headings = MarkdownProbe.Headings(markdown);
        for (var i = 0; i < headings.Count; i++)
        {
            if (headings[i].Level == 4 && anchors[i].Length > 0)
            {
                Assert.Contains(anchors[i], contents);
            }
        }
        // The themes link to commit headings only.
        var commitAnchors = headings.Select((h, i) => (h, anchor: anchors[i])).Where(x => x.h.Level == 4).Select(x => x.anchor).ToHashSet(StringComparer.Ordinal);
        Assert.All(ThemeLinks(markdown), link => Assert.Contains(link, commitAnchors));
    }

    /// <summary>The links of the table of contents (its lines are "- [", "  - [" and "    - [").</summary>
    private static List<string> ContentsLinks(string markdown) =>
        MarkdownProbe.Lines(markdown)
            .Where(l => l.StartsWith("- [", StringComparison.Ordinal) || l.StartsWith("  - [", StringComparison.Ordinal) || l.StartsWith("    - [", StringComparison.Ordinal))
            .SelectMany(MarkdownProbe.FragmentLinks)
            .ToList();

    /// <summary>The links of the themes section.</summary>
    private static List<string> ThemeLinks(string markdown) =>
        MarkdownProbe.Lines(markdown)
            .SkipWhile(l => !l.StartsWith("### 🧭", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(l => !l.StartsWith('#'))
            .SelectMany(MarkdownProbe.FragmentLinks)
            .ToList();

    private static List<MarkdownHeading> Headings(string markdown, int level) =>
        MarkdownProbe.Headings(markdown).Where(h => h.Level == level).ToList();

    private static DailyReport TrickyReport(ReportLanguage language)
    {
        var commits = TrickyTitles.Select((title, i) => RenderingSamples.Simple(i + 1, title + "\n")).ToList();
        // A high commit, so that a highlights heading exists and the groups differ from one another.
        commits.Add(RenderingSamples.Commit(
            RenderingSamples.FakeSha(1000),
            new Person("Reviewer", "reviewer@example.com"),
            RenderingSamples.At(2026, 1, 12, 23, 0, 0),
            "feat: add a high-importance feature (#20000)\n",
            Enumerable.Range(0, 8).Select(i => new FileChange($"src/feature/part{i}.py", null, FileStatus.Added, 80, 0, false)).ToList()));
        return RenderingSamples.Build(language, commits);
    }
}
