using Gitbrief.Analysis;
using Gitbrief.Rendering;
using Gitbrief.Reports;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>What a reader sees of real-world commit messages in the rendered Markdown: the commit table holds titles,
/// summary bullets are whole sentences of what the body says, and nothing of a bot's boilerplate, a PR template's
/// headings and test plan, trailers, references or HTML comments becomes a bullet.</summary>
public sealed class ReadableTextTests
{
    public static TheoryData<ReportLanguage> Languages => new() { ReportLanguage.Zh, ReportLanguage.En };

    private static string Render(ReportLanguage language, bool fullMessage = false)
    {
        var report = RenderingSamples.Build(language, RealisticCommits.Commits);
        return new MarkdownRenderer(RenderOptions.Default with { Language = language, FullMessage = fullMessage }).Render(report);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_commit_table_shows_each_title_and_nothing_of_the_body(ReportLanguage language)
    {
        var markdown = Render(language);
        var rows = ReportAssert.TableRows(markdown);

        var cells = rows.Select(r => r.Split(" | ")[^1].TrimEnd(' ', '|')).ToList();
        Assert.Equal(
            RealisticCommits.Commits.Select(c => MarkdownText.Inline(c.Title)),
            cells);
        var table = string.Join('\n', rows);
        Assert.DoesNotContain("<br>", table, StringComparison.Ordinal);
        Assert.DoesNotContain("renovate-debug", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("This PR contains", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_message_full_keeps_the_whole_message_in_the_cell()
    {
        var markdown = Render(ReportLanguage.En, fullMessage: true);
        var gerrit = ReportAssert.TableRows(markdown).Single(r => r.Contains("oversized headers", StringComparison.Ordinal));

        Assert.Contains("net: reject oversized headers in the HTTP parser<br>The parser accepted header lines", gerrit, StringComparison.Ordinal);
        Assert.DoesNotContain("Signed-off-by", gerrit, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renovate_bump_reads_as_its_title_without_its_release_notes_tables_or_comments()
    {
        var section = Section(Render(ReportLanguage.En), RealisticCommits.RenovateTitle);

        Assert.Equal(
            ["update dependency pytest to v8.3.4", "1 file changed (1 dependency manifest), +1/-1 lines"],
            Bullets(section, "📋 Summary"));
        foreach (var boilerplate in new[] { "Schedule", "Automerge", "rebase", "Release Notes", "KeyError", "Mend", "renovate\\[bot\\]", "\\|" })
        {
            Assert.DoesNotContain(boilerplate, string.Join('\n', section), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_squash_merge_summary_is_its_description_without_headings_test_plan_or_closing_link()
    {
        var section = Section(Render(ReportLanguage.En), RealisticCommits.SquashTitle);

        Assert.Equal(
            [
                "The chat endpoint now streams tokens as server-sent events when the request sets \\`stream: true\\`, e.g. for the web client.",
                "Non-streaming requests are unchanged.",
                "2 files changed (1 source, 1 test), +220/-22 lines",
            ],
            Bullets(section, "📋 Summary"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Wrapped_bullets_are_whole_sentences(ReportLanguage language)
    {
        var labels = Labels.For(language);
        var section = Section(Render(language), RealisticCommits.WrappedTitle);

        var bullets = Bullets(section, labels.Summary);
        Assert.Equal(
            [
                "Evict the least recently used page first instead of the oldest allocated one, which kept hot prefixes out of the cache under load.",
                "Pages pinned by a running request are no longer evicted; evicting them corrupted the output of long generations.",
                "Count evictions in the metrics endpoint.",
            ],
            bullets.Take(3));
        Assert.Equal(4, bullets.Count);
    }

    [Fact]
    public void A_gerrit_message_keeps_its_paragraph_and_drops_its_trailers()
    {
        var section = Section(Render(ReportLanguage.En), RealisticCommits.GerritTitle);

        Assert.Equal(
            [
                "The parser accepted header lines longer than the configured limit when they were split across two reads.",
                "Track the running length across reads and return 431 once it exceeds the limit.",
                "2 files changed (1 source, 1 test), +74/-6 lines",
            ],
            Bullets(section, "📋 Summary"));
    }

    [Fact]
    public void A_dependabot_bump_says_what_it_bumps_and_names_it_in_the_advice()
    {
        var section = Section(Render(ReportLanguage.En), RealisticCommits.DependabotTitle);

        Assert.Equal(["Bumps lodash from 4.17.20 to 4.17.21.", "2 files changed (1 dependency manifest, 1 lockfile), +13/-13 lines"], Bullets(section, "📋 Summary"));
        var report = RenderingSamples.Build(ReportLanguage.En, RealisticCommits.Commits);
        var entry = report.Entries.Single(e => e.Commit.Title == RealisticCommits.DependabotTitle);
        Assert.Equal(["read the release notes and advisories of lodash 4.17.21"], entry.Analysis.Recommendations);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_risk_or_advice_sentence_repeats_across_a_busy_day_unless_it_names_the_same_file(ReportLanguage language)
    {
        var report = RenderingSamples.Build(language, RealisticCommits.BusyDay);

        var said = report.Entries
            .SelectMany(e => e.Analysis.Risks.Concat(e.Analysis.Recommendations).Distinct().Select(sentence => (sentence, e)))
            .GroupBy(p => p.sentence, p => p.e, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToList();
        foreach (var repeated in said)
        {
            // The names in the sentence (files or components): one of them must be a file or directory of every commit.
            var names = repeated.Key.Split([' ', '、', ',', '(', ')', '（', '）', '“', '”', '"', ';', '；', '，'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Contains('/', StringComparison.Ordinal) || w.Contains('.', StringComparison.Ordinal));
            Assert.True(
                names.Any(name => repeated.All(e => e.Files.Any(f => f.Change.Path == name || f.Change.Path.StartsWith(name + "/", StringComparison.Ordinal)))),
                $"'{repeated.Key}' is said of {repeated.Count()} commits that share nothing it names");
        }
        Assert.True(report.Entries.Sum(e => e.Analysis.Risks.Count) >= 8, "the busy day should draw risks");

        var markdown = RenderingSamples.Markdown(report, language);
        Assert.DoesNotContain("数据中未发现", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("none found in the data", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_wrong_advice_on_a_release_bump_a_benchmark_fix_or_a_small_fix(ReportLanguage language)
    {
        var report = RenderingSamples.Build(language, RealisticCommits.BusyDay);
        ReportEntry Entry(string title) => report.Entries.Single(e => e.Commit.Title == title);

        var release = Entry("Release v0.5.3");
        Assert.Empty(release.Analysis.Risks);
        Assert.Empty(release.Analysis.Recommendations);
        Assert.Empty(Entry("fix(bench): upload results when the run times out").Analysis.Recommendations);
        Assert.Empty(Entry("refactor: move tokenizer helpers into sglang.utils (#16990)").Analysis.Recommendations);
        Assert.Empty(Entry("[CI] Pin the AMD runner image (#16931)").Analysis.Recommendations);

        var advice = report.Entries.SelectMany(e => e.Analysis.Recommendations).ToList();
        var tests = language == ReportLanguage.En ? "add tests for the changes in " : "的改动补充测试";
        Assert.Equal(4, advice.Count(a => a.Contains(tests, StringComparison.Ordinal)));
    }

    /// <summary>The lines of a commit's section, from its heading to the rule after it.</summary>
    private static List<string> Section(string markdown, string title)
    {
        var lines = MarkdownProbe.Lines(markdown).ToList();
        var start = lines.IndexOf("#### " + MarkdownText.Inline(title));
        Assert.True(start >= 0, $"no section for {title}");
        return lines.Skip(start + 1).TakeWhile(l => l != "---").ToList();
    }

    /// <summary>The bullets under a bold field label.</summary>
    private static List<string> Bullets(List<string> section, string label)
    {
        var start = section.FindIndex(l => l.StartsWith($"**{label}**", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no field {label}");
        return section.Skip(start + 2).TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
    }
}
