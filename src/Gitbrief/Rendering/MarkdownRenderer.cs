using System.Globalization;
using System.Text;
using Gitbrief.Analysis;
using Gitbrief.Reports;
using Gitbrief.Sources;

namespace Gitbrief.Rendering;

/// <summary>Renders a report as GitHub-flavoured Markdown in the current tool's layout (zh) or its English
/// equivalent. Every table-of-contents link points at an anchor GitHub produces for a heading of the same
/// file; all commit-derived text is escaped; output is byte-for-byte deterministic with "\n" line ends.</summary>
internal sealed class MarkdownRenderer(RenderOptions options) : IReportRenderer
{
    private const int TocTitleLength = 50;
    private const int MaxThemeLinks = 10;
    private readonly Labels labels = Labels.For(options.Language);

    public string FileExtension => "md";

    public string Render(DailyReport report)
    {
        var groups = Groups(report);
        var anchors = Anchors(report, groups);
        var md = new StringBuilder();
        md.Append("# ").Append(labels.Title(report.Day.IsoDate)).Append("\n\n");
        md.Append("## ").Append(MarkdownText.Inline(report.Repository.Name)).Append("\n\n");
        md.Append(WindowLine(report)).Append("\n\n");
        // The first screen is the day at a glance (counts, highlights, themes); the table of every commit follows.
        if (report.Partial)
        {
            md.Append("> ").Append(labels.Partial(report.Day.End.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append("\n\n");
        }
        if (options.EnableStats)
        {
            var s = report.Stats;
            md.Append("### ").Append(labels.Statistics).Append("\n\n");
            md.Append("> ").Append(labels.StatisticsLine(s.Total, s.High, s.Medium, s.Low)).Append("\n\n");
        }
        if (report.Highlights.Count > 0)
        {
            md.Append("### ").Append(labels.Highlights).Append("\n\n");
            foreach (var highlight in report.Highlights)
            {
                md.Append("- ").Append(MarkdownText.Inline(highlight)).Append('\n');
            }
            md.Append('\n');
        }
        if (report.Themes.Count > 0)
        {
            AppendThemes(md, report, anchors);
        }
        if (report.Entries.Count == 0)
        {
            md.Append(labels.NoCommits).Append("\n\n");
        }
        else
        {
            AppendTable(md, report);
        }
        if (options.EnableToc && report.Entries.Count > 0)
        {
            AppendContents(md, report, groups, anchors);
        }
        foreach (var group in groups)
        {
            md.Append("### ").Append(group.Heading).Append("\n\n");
            foreach (var entry in group.Entries)
            {
                AppendEntry(md, entry);
            }
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private sealed record Group(string Heading, IReadOnlyList<ReportEntry> Entries);

    private List<Group> Groups(DailyReport report)
    {
        if (!options.EnableGrouping)
        {
            return report.Entries.Count == 0
                ? []
                : [new Group($"{labels.AllChanges} ({report.Entries.Count.ToString(CultureInfo.InvariantCulture)})", report.Entries)];
        }
        // A loop, not Select after Where: that Select is a generic virtual method the Native AOT runtime resolves on first use.
        var groups = new List<Group>();
        foreach (var level in (ReadOnlySpan<ImportanceLevel>)[ImportanceLevel.High, ImportanceLevel.Medium, ImportanceLevel.Low])
        {
            var entries = report.AtLevel(level).ToList();
            if (entries.Count > 0)
            {
                groups.Add(new Group(labels.Group(level, entries.Count), entries));
            }
        }
        return groups;
    }

    /// <summary>The anchors of every heading, computed in document order as GitHub does.</summary>
    private Dictionary<object, string> Anchors(DailyReport report, List<Group> groups)
    {
        var slugger = new GitHubSlugger();
        var anchors = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        slugger.Slug(labels.Title(report.Day.IsoDate));
        anchors[report.Repository] = slugger.Slug(MarkdownText.Rendered(report.Repository.Name));
        if (options.EnableStats)
        {
            anchors[labels] = slugger.Slug(labels.Statistics);
        }
        if (report.Highlights.Count > 0)
        {
            anchors[report.Highlights] = slugger.Slug(labels.Highlights);
        }
        if (report.Themes.Count > 0)
        {
            anchors[report.Themes] = slugger.Slug(labels.Themes);
        }
        if (options.EnableToc && report.Entries.Count > 0)
        {
            slugger.Slug(labels.Contents);
        }
        foreach (var group in groups)
        {
            anchors[group] = slugger.Slug(group.Heading);
            foreach (var entry in group.Entries)
            {
                anchors[entry] = slugger.Slug(MarkdownText.Rendered(HeadingText(entry.Commit)));
            }
        }
        return anchors;
    }

    private string WindowLine(DailyReport report)
    {
        var start = report.Day.Start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var end = report.Day.End.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var line = labels.Window(MarkdownText.Inline(report.Repository.Branch), $"{start} – {end}", MarkdownText.Inline(report.Day.TimeZone.Id));
        return MarkdownText.Url(report.Repository.Url) is { } url ? $"{line} · [{url}]({url})" : line;
    }

    private void AppendTable(StringBuilder md, DailyReport report)
    {
        md.Append("| ").Append(labels.CommitTime).Append(" | ").Append(labels.Author).Append(" | ").Append(labels.Message).Append(" |\n");
        md.Append("|----------|------|----------|\n");
        foreach (var entry in report.Entries)
        {
            var time = TimeZoneInfo.ConvertTime(entry.Commit.CommittedAt, report.Day.TimeZone)
                .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var message = options.FullMessage
                ? string.Join("<br>", CommitMessage.DisplayLines(entry.Commit.Message).Select(MarkdownText.Inline))
                : MarkdownText.Inline(PointText.Clip(HeadingText(entry.Commit), ReportBuilder.MaxTitleLength));
            md.Append("| ").Append(time).Append(" | ").Append(MarkdownText.Inline(entry.Commit.Author.Name)).Append(" | ")
                .Append(message).Append(" |\n");
        }
        md.Append('\n');
    }

    private void AppendContents(StringBuilder md, DailyReport report, List<Group> groups, Dictionary<object, string> anchors)
    {
        md.Append("## ").Append(labels.Contents).Append("\n\n");
        md.Append("- [").Append(MarkdownText.Inline(report.Repository.Name)).Append("](#").Append(anchors[report.Repository]).Append(")\n");
        if (options.EnableStats)
        {
            md.Append("  - [").Append(labels.Statistics).Append("](#").Append(anchors[labels]).Append(")\n");
        }
        if (report.Highlights.Count > 0)
        {
            md.Append("  - [").Append(labels.Highlights).Append("](#").Append(anchors[report.Highlights]).Append(")\n");
        }
        if (report.Themes.Count > 0)
        {
            md.Append("  - [").Append(labels.Themes).Append("](#").Append(anchors[report.Themes]).Append(")\n");
        }
        foreach (var group in groups)
        {
            md.Append("  - [").Append(group.Heading).Append("](#").Append(anchors[group]).Append(")\n");
            foreach (var entry in group.Entries)
            {
                var title = MarkdownText.Inline(MarkdownText.Truncate(MarkdownText.Rendered(HeadingText(entry.Commit)), TocTitleLength));
                if (anchors[entry].Length == 0)
                {
                    // A title of only punctuation or emoji has no anchor on GitHub: "(#)" would jump to the top.
                    md.Append("    - ").Append(title).Append('\n');
                    continue;
                }
                md.Append("    - [").Append(title).Append("](#").Append(anchors[entry]).Append(")\n");
            }
        }
        md.Append('\n');
    }

    /// <summary>One line per theme: its level's colour, title, summary, size and mix, and a link to each commit's heading
    /// (the short sha; without a link when the heading has no anchor), the first <see cref="MaxThemeLinks"/> of them.</summary>
    private void AppendThemes(StringBuilder md, DailyReport report, Dictionary<object, string> anchors)
    {
        var entries = report.Entries.GroupBy(e => e.Commit.Sha, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        md.Append("### ").Append(labels.Themes).Append("\n\n");
        foreach (var theme in report.Themes)
        {
            md.Append("- ").Append(Labels.LevelEmoji(theme.Level)).Append(" **").Append(MarkdownText.Inline(theme.Title)).Append("**");
            if (theme.Summary is { Length: > 0 } summary)
            {
                md.Append(labels.Colon).Append(MarkdownText.Inline(summary));
            }
            var counts = theme.Counts;
            md.Append(" — ").Append(labels.ThemeSize(counts.Total, counts.High, counts.Medium, counts.Low)).Append(labels.Colon);
            var links = theme.Commits
                .Select(sha => entries.TryGetValue(sha, out var entry) ? entry : null)
                .OfType<ReportEntry>()
                .Select(entry => anchors.TryGetValue(entry, out var anchor) && anchor.Length > 0
                    ? $"[{MarkdownText.Inline(entry.Commit.ShortSha)}](#{anchor})"
                    : MarkdownText.Inline(entry.Commit.ShortSha))
                .ToList();
            md.Append(string.Join(labels.ListSeparator, links.Take(MaxThemeLinks)));
            if (links.Count > MaxThemeLinks)
            {
                md.Append(labels.ListSeparator).Append(labels.More(links.Count - MaxThemeLinks));
            }
            md.Append('\n');
        }
        md.Append('\n');
    }

    /// <summary>The commit's title, or its short sha when the message is empty (never an empty heading).</summary>
    private static string HeadingText(CommitRecord commit) => string.IsNullOrWhiteSpace(commit.Title) ? commit.ShortSha : commit.Title;

    private void AppendEntry(StringBuilder md, ReportEntry entry)
    {
        var commit = entry.Commit;
        md.Append("#### ").Append(MarkdownText.Inline(HeadingText(commit))).Append("\n\n");
        md.Append("**SHA**: `").Append(commit.ShortSha).Append('`');
        if (MarkdownText.Url(entry.CommitUrl) is { } commitUrl)
        {
            md.Append(" | 🔗 [").Append(labels.ViewCommit).Append("](").Append(commitUrl).Append(')');
        }
        if (MarkdownText.Url(entry.PullRequestUrl) is { } prUrl && commit.PullRequest is { } pr)
        {
            md.Append(" | 🔀 [PR #").Append(pr.ToString(CultureInfo.InvariantCulture)).Append("](").Append(prUrl).Append(')');
            if (commit.LinkedPullRequest is { Number: var linked } pull && linked == pr)
            {
                if (pull.Title.Length > 0)
                {
                    md.Append(' ').Append(MarkdownText.Inline(pull.Title));
                }
                if (pull.Labels.Count > 0)
                {
                    md.Append(" · ").Append(string.Join(labels.ListSeparator, pull.Labels.Select(MarkdownText.Inline)));
                }
            }
        }
        md.Append("\n\n");
        if (commit.FilesTruncated)
        {
            md.Append("> ").Append(labels.FilesTruncated(commit.Files.Count)).Append("\n\n");
        }

        var analysis = entry.Analysis;
        if (analysis.FallbackReason is { } reason)
        {
            md.Append("> ").Append(labels.Fallback(MarkdownText.Inline(reason))).Append("\n\n");
        }
        Field(md, labels.ChangeType, string.Join(labels.ListSeparator, analysis.ChangeTypes.Select(labels.Type)));
        Field(md, labels.Importance, ImportanceText(entry.Importance));
        List(md, labels.Summary, analysis.Summary);
        if (entry.Level != ImportanceLevel.Low)
        {
            List(md, labels.ImpactScope, analysis.Components.Select(ComponentText).Concat(analysis.Impact.Select(MarkdownText.Inline)).ToList(), escaped: true);
            if (entry.Level == ImportanceLevel.High)
            {
                AppendInsights(md, analysis.Insights);
                List(md, labels.Risks, analysis.Risks);
            }
            List(md, labels.Recommendations, analysis.Recommendations);
        }
        md.Append("---\n\n");
    }

    private string ImportanceText(ImportanceAssessment importance)
    {
        // Decisions after the scorer (watch rules, the LLM, hybrid bounds) are shown even when they moved nothing.
        var reasons = importance.Reasons
            .Where(r => r.Points != 0 || VerdictPhrases.Codes.IsDecision(r.Code))
            .Select(r => r.Points == 0
                ? MarkdownText.Inline(r.Detail)
                : $"{MarkdownText.Inline(r.Detail)} {(r.Points > 0 ? "+" : string.Empty)}{r.Points.ToString(CultureInfo.InvariantCulture)}");
        var open = options.Language == ReportLanguage.En ? " (" : "（";
        var close = options.Language == ReportLanguage.En ? ")" : "）";
        return $"{labels.Level(importance.Level)} · {labels.Score(importance.Score)}{open}{string.Join(labels.ListSeparator, reasons)}{close}";
    }

    private string ComponentText(ImpactedComponent component) =>
        $"{MarkdownText.Inline(component.Path)} — {labels.ComponentLine(component.Files, component.Additions, component.Deletions)}";

    /// <summary>A field the data cannot fill is left out, never filled with a placeholder.</summary>
    private void Field(StringBuilder md, string label, string value)
    {
        if (value.Length > 0)
        {
            md.Append("**").Append(label).Append("**").Append(labels.Colon).Append(value).Append("\n\n");
        }
    }

    private void List(StringBuilder md, string label, IReadOnlyList<string> items, bool escaped = false)
    {
        if (items.Count == 0)
        {
            return;
        }
        md.Append("**").Append(label).Append("**").Append(labels.Colon.TrimEnd()).Append("\n\n");
        foreach (var item in items)
        {
            md.Append("- ").Append(escaped ? item : MarkdownText.Inline(item)).Append('\n');
        }
        md.Append('\n');
    }

    /// <summary>The insight aspects that have content; nothing at all when none has.</summary>
    private void AppendInsights(StringBuilder md, TechnicalInsights? insights)
    {
        var aspects = new[]
            {
                (labels.Architecture, insights?.Architecture ?? []),
                (labels.Performance, insights?.Performance ?? []),
                (labels.Security, insights?.Security ?? []),
            }
            .Where(a => a.Item2.Count > 0)
            .ToList();
        if (aspects.Count == 0)
        {
            return;
        }
        md.Append("**").Append(labels.Insights).Append("**").Append(labels.Colon.TrimEnd()).Append("\n\n");
        foreach (var (aspect, items) in aspects)
        {
            md.Append("- ").Append(aspect).Append(labels.Colon.TrimEnd()).Append('\n');
            foreach (var insight in items)
            {
                md.Append("  - ").Append(MarkdownText.Inline(insight.Text)).Append(insight.Severity is null ? string.Empty : labels.Severity(insight.Severity)).Append('\n');
            }
        }
        md.Append('\n');
    }
}
