using System.Text.RegularExpressions;
using Gitbrief.Analysis;
using Gitbrief.Rendering;
using Gitbrief.Reports;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>Every commit of a level shows the same fields in the same order; a field the data cannot fill says
/// so instead of being left out.</summary>
public sealed partial class FieldConsistencyTests
{
    public static TheoryData<ReportLanguage> Languages => new() { ReportLanguage.Zh, ReportLanguage.En };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_commit_of_a_level_has_the_same_fields(ReportLanguage language)
    {
        var report = VariedReport(language);
        var sections = Sections(RenderingSamples.Markdown(report, language), language);

        foreach (var level in new[] { ImportanceLevel.High, ImportanceLevel.Medium, ImportanceLevel.Low })
        {
            var atLevel = sections.Where(s => s.Level == level).ToList();
            Assert.Equal(report.AtLevel(level).Count(), atLevel.Count);
            Assert.True(atLevel.Count >= 2, $"the report needs two {level} commits");
            foreach (var section in atLevel)
            {
                Assert.True(atLevel[0].Fields.SequenceEqual(section.Fields),
                    $"{level} commit '{section.Title}' has [{string.Join(" | ", section.Fields)}], '{atLevel[0].Title}' has [{string.Join(" | ", atLevel[0].Fields)}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_fields_of_each_level_are_the_documented_ones(ReportLanguage language)
    {
        var l = Labels.For(language);
        var sections = Sections(RenderingSamples.Markdown(VariedReport(language), language), language);

        string[] low = ["SHA", l.ChangeType, l.Importance, l.ShortSummary];
        string[] medium = ["SHA", l.ChangeType, l.Importance, l.Summary, l.ImpactScope, l.Recommendations];
        string[] high =
        [
            "SHA", l.ChangeType, l.Importance, l.Summary, l.ImpactScope, l.Insights,
            "- " + l.Architecture, "- " + l.Performance, "- " + l.Security, l.Risks, l.Recommendations,
        ];
        Assert.Equal(low, sections.First(s => s.Level == ImportanceLevel.Low).Fields);
        Assert.Equal(medium, sections.First(s => s.Level == ImportanceLevel.Medium).Fields);
        Assert.Equal(high, sections.First(s => s.Level == ImportanceLevel.High).Fields);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void An_empty_field_says_nothing_was_found(ReportLanguage language)
    {
        var l = Labels.For(language);
        var markdown = RenderingSamples.Markdown(VariedReport(language), language);
        var section = Sections(markdown, language).Single(s => s.Title.StartsWith("feat!", StringComparison.Ordinal));

        Assert.Contains($"**{l.ImpactScope}**{l.Colon}{l.NoneFound}", section.Lines);
        Assert.Contains($"- {l.Architecture}{l.Colon}{l.NoneFound}", section.Lines);
        Assert.Contains($"- {l.Performance}{l.Colon}{l.NoneFound}", section.Lines);
    }

    private sealed record Section(string Title, ImportanceLevel Level, IReadOnlyList<string> Fields, IReadOnlyList<string> Lines);

    /// <summary>The commit sections (from a "####" heading to the "---" after it), the group they sit in, and their
    /// field labels in order: bold labels at the start of a line and the insight aspects.</summary>
    private static List<Section> Sections(string markdown, ReportLanguage language)
    {
        var labels = Labels.For(language);
        var aspects = new[] { labels.Architecture, labels.Performance, labels.Security };
        var lines = MarkdownProbe.Lines(markdown);
        var sections = new List<Section>();
        ImportanceLevel? group = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("### ", StringComparison.Ordinal))
            {
                group = new[] { ImportanceLevel.High, ImportanceLevel.Medium, ImportanceLevel.Low }
                    .Cast<ImportanceLevel?>()
                    .FirstOrDefault(level => lines[i] == "### " + labels.Group(level!.Value, CountOf(lines[i])));
                continue;
            }
            if (!lines[i].StartsWith("#### ", StringComparison.Ordinal))
            {
                continue;
            }
            var body = lines.Skip(i + 1).TakeWhile(l => l != "---").ToList();
            var fields = new List<string>();
            foreach (var line in body)
            {
                var bold = BoldLabel().Match(line);
                if (bold.Success)
                {
                    fields.Add(bold.Groups["label"].Value);
                }
                else if (aspects.FirstOrDefault(a => line.StartsWith("- " + a + labels.Colon.Trim(), StringComparison.Ordinal)) is { } aspect)
                {
                    fields.Add("- " + aspect);
                }
            }
            Assert.NotNull(group);
            var importance = body.Single(l => l.StartsWith($"**{labels.Importance}**", StringComparison.Ordinal));
            Assert.Contains(labels.Level(group.Value), importance, StringComparison.Ordinal);
            sections.Add(new Section(MarkdownProbe.Unescape(lines[i][5..]), group.Value, fields, body));
        }
        return sections;
    }

    private static int CountOf(string heading) =>
        GroupCount().Match(heading) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;

    /// <summary>The sample day plus commits whose data leave fields empty: no files, no components, an analysis
    /// without insights (as an LLM might return), and one with a fallback notice.</summary>
    private static DailyReport VariedReport(ReportLanguage language)
    {
        var report = RenderingSamples.Build(language,
        [
            .. RenderingSamples.Commits,
            RenderingSamples.Commit(RenderingSamples.FakeSha(1), new Person("A", "a@example.com"), RenderingSamples.At(2026, 1, 12, 9, 0, 0),
                "feat!: drop Python 3.8\n", []),
            RenderingSamples.Commit(RenderingSamples.FakeSha(2), new Person("B", "b@example.com"), RenderingSamples.At(2026, 1, 12, 8, 0, 0),
                "Revert \"Use the new allocator\"\n", []),
            RenderingSamples.Commit(RenderingSamples.FakeSha(3), new Person("C", "c@example.com"), RenderingSamples.At(2026, 1, 12, 7, 0, 0),
                "\n", []),
        ]);
        var entries = report.Entries.ToList();
        var high = entries.FindIndex(e => e.Level == ImportanceLevel.High);
        entries[high] = entries[high] with { Analysis = entries[high].Analysis with { Insights = null, Source = AnalysisSource.Llm } };
        var medium = entries.FindIndex(e => e.Level == ImportanceLevel.Medium);
        entries[medium] = entries[medium] with { Analysis = entries[medium].Analysis with { FallbackReason = "timeout", Recommendations = [] } };
        var low = entries.FindIndex(e => e.Level == ImportanceLevel.Low);
        entries[low] = entries[low] with { Analysis = entries[low].Analysis with { Summary = [] } };
        return report with { Entries = entries };
    }

    [GeneratedRegex(@"^\*\*(?<label>[^*]+)\*\*")]
    private static partial Regex BoldLabel();

    [GeneratedRegex(@"\((\d+)\)$")]
    private static partial Regex GroupCount();
}
