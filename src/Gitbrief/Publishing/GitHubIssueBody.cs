using System.Globalization;
using System.Text;
using Gitbrief.Analysis;
using Gitbrief.Rendering;

namespace Gitbrief.Publishing;

/// <summary>The body of a report's issue: the report's Markdown when it fits GitHub's limit, else a digest of
/// whole sections — title, repository and window, statistics, highlights and as many high-importance entries
/// as fit — with a link to the archived report. Nothing is cut inside a table, a list or an entry.</summary>
internal static class GitHubIssueBody
{
    /// <summary>GitHub's limit on an issue body, in characters.</summary>
    public const int MaxLength = 65_536;

    public static string Compose(PublishedReport report, ReportLanguage language, string? reportUrl, int limit = MaxLength)
    {
        var markdown = report.Markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        return markdown.Length <= limit ? markdown : Digest(report, markdown, language, reportUrl, limit);
    }

    private static string Digest(PublishedReport report, string markdown, ReportLanguage language, string? reportUrl, int limit)
    {
        var labels = Labels.For(language);
        var en = language == ReportLanguage.En;
        var sections = Sections(markdown);
        var body = new StringBuilder();

        // Title, repository heading and the window line: every paragraph before the commit table.
        foreach (var section in sections.Take(2))
        {
            foreach (var paragraph in section.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            {
                if (!paragraph.StartsWith('|'))
                {
                    body.Append(paragraph.TrimEnd('\n')).Append("\n\n");
                }
            }
        }
        var path = report.RelativePath("md");
        var link = MarkdownText.Url(reportUrl) is { } url ? $"[{MarkdownText.Inline(path)}]({url})" : $"`{path}`";
        var length = markdown.Length.ToString("N0", CultureInfo.InvariantCulture);
        var max = limit.ToString("N0", CultureInfo.InvariantCulture);
        body.Append(en
            ? $"> The full report ({length} characters) is longer than a GitHub issue allows ({max}); shown here: its statistics, highlights and high-importance changes. Full report: {link}"
            : $"> 完整报告（{length} 字符）超出 GitHub issue 的长度上限（{max}），此处仅列出统计摘要、今日要点与高重要度变更。完整报告：{link}");
        body.Append("\n\n");

        var high = report.Report.AtLevel(ImportanceLevel.High).Count();
        var statistics = Find(sections, "### " + labels.Statistics);
        var highlights = Find(sections, "### " + labels.Highlights);
        var group = high > 0 ? Find(sections, "### " + labels.Group(ImportanceLevel.High, high)) : null;
        // Room kept for the closing note on omitted entries.
        const int reserve = 400;
        foreach (var section in new[] { statistics, highlights })
        {
            if (section is not null && body.Length + section.Length + reserve <= limit)
            {
                body.Append(section);
            }
        }
        if (group is not null)
        {
            var entries = Entries(group);
            var heading = entries[0];
            var included = 0;
            if (body.Length + heading.Length + reserve <= limit)
            {
                body.Append(heading);
                foreach (var entry in entries.Skip(1))
                {
                    if (body.Length + entry.Length + reserve > limit)
                    {
                        break;
                    }
                    body.Append(entry);
                    included++;
                }
            }
            var omitted = entries.Count - 1 - included;
            if (omitted > 0)
            {
                var count = omitted.ToString(CultureInfo.InvariantCulture);
                body.Append(en
                    ? $"> {count} more high-importance change(s) are in the full report: {link}"
                    : $"> 另有 {count} 个高重要度变更，见完整报告：{link}");
                body.Append("\n\n");
            }
        }
        var text = body.ToString().TrimEnd('\n') + "\n";
        if (text.Length > limit)
        {
            // Only a pathological header (a huge repository name) gets here: cut at a line end.
            text = text[..(text.LastIndexOf('\n', limit - 2) + 1)];
        }
        return text;
    }

    /// <summary>The Markdown split before every heading of level 1 to 3 ("# ", "## ", "### "); each piece
    /// starts with its heading line. Commit-derived text is escaped, so a heading is always the renderer's.</summary>
    private static List<string> Sections(string markdown)
    {
        var sections = new List<string>();
        var start = 0;
        var position = 0;
        while (position < markdown.Length)
        {
            var end = markdown.IndexOf('\n', position);
            end = end < 0 ? markdown.Length : end + 1;
            if (position > start && IsSectionHeading(markdown.AsSpan(position, end - position)))
            {
                sections.Add(markdown[start..position]);
                start = position;
            }
            position = end;
        }
        sections.Add(markdown[start..]);
        return sections;
    }

    private static bool IsSectionHeading(ReadOnlySpan<char> line) =>
        line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal);

    private static string? Find(List<string> sections, string heading) =>
        sections.FirstOrDefault(s => s.StartsWith(heading + "\n", StringComparison.Ordinal));

    /// <summary>A group section split into its heading part and one piece per entry ("#### " to the next).</summary>
    private static List<string> Entries(string group)
    {
        var pieces = new List<string>();
        var start = 0;
        var position = 0;
        while (position < group.Length)
        {
            var end = group.IndexOf('\n', position);
            end = end < 0 ? group.Length : end + 1;
            if (position > start && group.AsSpan(position).StartsWith("#### ", StringComparison.Ordinal))
            {
                pieces.Add(group[start..position]);
                start = position;
            }
            position = end;
        }
        pieces.Add(group[start..]);
        if (!pieces[^1].EndsWith("\n\n", StringComparison.Ordinal))
        {
            pieces[^1] = pieces[^1].TrimEnd('\n') + "\n\n";
        }
        return pieces;
    }
}
