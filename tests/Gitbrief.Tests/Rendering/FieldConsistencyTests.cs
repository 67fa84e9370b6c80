using System.Text.RegularExpressions;
using Gitbrief.Analysis;
using Gitbrief.Rendering;
using Gitbrief.Reports;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>Every commit of a level shows its fields in the same documented order; a field the data cannot fill
/// is left out (no placeholder), and the required ones (SHA, change type, importance) are always there.</summary>
public sealed partial class FieldConsistencyTests
{
    public static TheoryData<ReportLanguage> Languages => new() { ReportLanguage.Zh, ReportLanguage.En };

    private static string[] Documented(ImportanceLevel level, Labels l) => level switch
    {
        ImportanceLevel.Low => ["SHA", l.ChangeType, l.Importance, l.Summary],
        ImportanceLevel.Medium => ["SHA", l.ChangeType, l.Importance, l.Summary, l.ImpactScope, l.Recommendations],
        _ =>
        [
            "SHA", l.ChangeType, l.Importance, l.Summary, l.ImpactScope, l.Insights,
            "- " + l.Architecture, "- " + l.Performance, "- " + l.Security, l.Risks, l.Recommendations,
        ],
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_commit_shows_the_documented_fields_in_order_and_only_those_with_content(ReportLanguage language)
    {
        var l = Labels.For(language);
        var report = VariedReport(language);
        var sections = Sections(RenderingSamples.Markdown(report, language), language);

        foreach (var level in new[] { ImportanceLevel.High, ImportanceLevel.Medium, ImportanceLevel.Low })
        {
            var atLevel = sections.Where(s => s.Level == level).ToList();
            Assert.Equal(report.AtLevel(level).Count(), atLevel.Count);
            Assert.True(atLevel.Count >= 2, $"the report needs two {level} commits");
            var documented = Documented(level, l);
            foreach (var section in atLevel)
            {
                Assert.Equal(["SHA", l.ChangeType, l.Importance], section.Fields.Take(3));
                var positions = section.Fields.Select(f => Array.IndexOf(documented, f)).ToList();
                Assert.True(positions.All(p => p >= 0) && positions.SequenceEqual(positions.Order()),
                    $"{level} commit '{section.Title}' has [{string.Join(" | ", section.Fields)}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void An_empty_field_is_left_out_without_a_placeholder(ReportLanguage language)
    {
        var l = Labels.For(language);
        var markdown = RenderingSamples.Markdown(VariedReport(language), language);
        var sections = Sections(markdown, language);

        Assert.DoesNotContain("数据中未发现", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("none found in the data", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing in the data calls", markdown, StringComparison.Ordinal);
        // A commit without files: no impact scope, no insights at all, but its breaking-change risk and advice.
        var noFiles = sections.Single(s => s.Title.StartsWith("feat!", StringComparison.Ordinal));
        Assert.Equal(["SHA", l.ChangeType, l.Importance, l.Summary, l.Risks, l.Recommendations], noFiles.Fields);
        // A security fix without new, renamed or deleted files: only the security aspect of the insights.
        var security = sections.Single(s => s.Title.StartsWith("fix(lora)", StringComparison.Ordinal));
        Assert.Contains(l.Insights, security.Fields);
        Assert.Contains("- " + l.Security, security.Fields);
        Assert.DoesNotContain("- " + l.Architecture, security.Fields);
        Assert.DoesNotContain("- " + l.Performance, security.Fields);
        // An empty message and no files: the low commit shows no summary field at all.
        Assert.Contains(sections, s => s.Level == ImportanceLevel.Low && !s.Fields.Contains(l.Summary));
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
        // The high commit without insights: neither the security fix nor the breaking change the assertions look at.
        var high = entries.FindIndex(e => e.Level == ImportanceLevel.High
            && !e.Commit.Title.StartsWith("fix(lora)", StringComparison.Ordinal) && !e.Commit.Title.StartsWith("feat!", StringComparison.Ordinal));
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
