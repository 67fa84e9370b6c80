using System.Globalization;
using System.Text;
using Gitbrief.Publishing.Digests;
using Gitbrief.Rendering;

namespace Gitbrief.Publishing;

/// <summary>The body of a report's issue: the report's Markdown when it fits GitHub's limit, else the day's
/// <see cref="DayDigest"/> as GitHub Markdown — heading, a note with the link to the archived report, statistics,
/// highlights, themes and the top commits, reduced until it fits. The digest is built from the report, never from
/// its rendered Markdown: a change of the renderer's wording cannot change or break it.</summary>
internal static class GitHubIssueBody
{
    /// <summary>GitHub's limit on an issue body, in characters.</summary>
    public const int MaxLength = 65_536;

    public static string Compose(PublishedReport report, ReportLanguage language, string? reportUrl, int limit = MaxLength)
    {
        var markdown = report.Markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (markdown.Length <= limit)
        {
            return markdown;
        }
        var digest = DayDigest.Of(report, language, reportUrl);
        var length = markdown.Length.ToString("N0", CultureInfo.InvariantCulture);
        var text = digest.Fit(d => Render(d, length, limit) is { } body && body.Length <= limit ? body : null)
            ?? Render(digest.WithCommits(0).WithHighlights(0) with { Themes = [] }, length, limit);
        // Only a pathological heading (a huge repository name) is still too long: cut at a line end.
        return text.Length <= limit ? text : text[..(text.LastIndexOf('\n', limit - 2) + 1)];
    }

    private static string Render(DayDigest digest, string length, int limit)
    {
        var labels = digest.Labels;
        var url = MarkdownText.Url(digest.ReportUrl);
        var link = url is null ? $"`{digest.ReportPath}`" : $"[{MarkdownText.Inline(digest.ReportPath)}]({url})";
        var body = new StringBuilder();
        body.Append("# ").Append(MarkdownText.Inline(digest.Heading)).Append("\n\n");
        if (MarkdownText.Url(digest.RepositoryUrl) is { } repositoryUrl)
        {
            body.Append('<').Append(repositoryUrl).Append(">\n\n");
        }
        if (digest.PartialNote is { } partial)
        {
            body.Append("> ").Append(MarkdownText.Inline(partial)).Append("\n\n");
        }
        body.Append("> ").Append(labels.IssueOversize(length, limit.ToString("N0", CultureInfo.InvariantCulture), link)).Append("\n\n");
        body.Append("### ").Append(labels.Statistics).Append("\n\n> ").Append(digest.StatisticsLine).Append("\n\n");
        AppendList(body, labels.Highlights, digest.VisibleHighlights);
        AppendList(body, labels.Themes, [.. digest.Themes.Select(digest.ThemeLine)]);
        foreach (var (heading, commits) in digest.Groups())
        {
            body.Append("### ").Append(heading).Append("\n\n");
            foreach (var commit in commits)
            {
                var title = MarkdownText.Inline(commit.Title);
                body.Append("- ").Append(MarkdownText.Url(commit.Url) is { } commitUrl ? $"[`{commit.ShortSha}`]({commitUrl})" : $"`{commit.ShortSha}`")
                    .Append(' ').Append(title).Append('\n');
            }
            body.Append('\n');
        }
        if (digest.More > 0)
        {
            body.Append(MarkdownText.Inline(digest.MoreLine)).Append("\n\n");
        }
        if (url is not null)
        {
            body.Append('[').Append(MarkdownText.Inline(digest.FullReport)).Append("](").Append(url).Append(")\n\n");
        }
        return body.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendList(StringBuilder body, string heading, IReadOnlyList<string> points)
    {
        if (points.Count == 0)
        {
            return;
        }
        body.Append("### ").Append(heading).Append("\n\n");
        foreach (var point in points)
        {
            body.Append("- ").Append(MarkdownText.Inline(point)).Append('\n');
        }
        body.Append('\n');
    }
}
