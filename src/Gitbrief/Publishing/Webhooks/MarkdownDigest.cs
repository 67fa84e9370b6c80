using Gitbrief.Publishing.Digests;
namespace Gitbrief.Publishing.Webhooks;

/// <summary>The Markdown of a digest for the platforms that take Markdown (DingTalk, WeCom): a heading, the
/// partial-day note, bold section titles (highlights, themes, commits by level), "- " lines, links on the short sha, blocks separated by blank lines. All text from commits
/// and highlights is escaped (one line, every Markdown punctuation backslash-escaped), so a title can never
/// become a link, a tag, a heading or emphasis.</summary>
internal static class MarkdownDigest
{
    public static string Render(DayDigest digest)
    {
        var blocks = new List<string>
        {
            "### " + WebhookText.Markdown(digest.Heading),
            $"**{digest.Labels.Statistics}**\n\n{WebhookText.Markdown(digest.StatisticsLine)}",
        };
        if (digest.PartialNote is { } partial)
        {
            blocks.Add(WebhookText.Markdown(partial));
        }
        var highlights = digest.VisibleHighlights;
        if (highlights.Count > 0)
        {
            blocks.Add(Section(digest.HighlightsHeading, highlights.Select(Point)));
        }
        if (digest.Themes.Count > 0)
        {
            blocks.Add(Section(digest.Labels.Themes, digest.Themes.Select(t => Point(digest.ThemeLine(t)))));
        }
        foreach (var (heading, commits) in digest.Groups())
        {
            blocks.Add(Section(heading, commits.Select(Line)));
        }
        if (digest.Stats.Total == 0)
        {
            blocks.Add(WebhookText.Markdown(digest.Labels.NoCommits));
        }
        if (digest.More > 0)
        {
            blocks.Add(WebhookText.Markdown(digest.MoreLine));
        }
        if (WebhookText.Link(digest.ReportUrl) is { } report)
        {
            blocks.Add($"[{WebhookText.Markdown(digest.FullReport)}]({report})");
        }
        return string.Join("\n\n", blocks);
    }

    private static string Section(string heading, IEnumerable<string> items) =>
        $"**{heading}**\n\n" + string.Join("\n", items.Select(i => "- " + i));

    private static string Point(string text) => WebhookText.Markdown(WebhookText.Clip(WebhookText.OneLine(text), DayDigest.MaxHighlight));

    private static string Line(DigestCommit commit)
    {
        var title = WebhookText.Markdown(WebhookText.Clip(WebhookText.OneLine(commit.Title), DayDigest.MaxTitle));
        return WebhookText.Link(commit.Url) is { } url
            ? $"[`{commit.ShortSha}`]({url}) {title}"
            : $"`{commit.ShortSha}` {title}";
    }
}
