using System.Globalization;
using System.Text;
using Gitbrief.Analysis;
using Gitbrief.Rendering;
using Gitbrief.Reports;

namespace Gitbrief.Publishing.Webhooks;

/// <summary>What a chat message says about one repository-day, whatever the platform: the repository and date,
/// the counts per level, the highlights, the high-importance commits (then medium ones) with links, how many
/// commits are not listed, and the link to the full report. Every flavour renders this same model; when a
/// platform's limit is exceeded the formatter asks for <see cref="Reductions"/> (fewer commits first).</summary>
internal sealed record Digest
{
    /// <summary>Longest commit title in a chat message, in characters (the full title is in the report).</summary>
    public const int MaxTitle = 200;

    /// <summary>Longest highlight in a chat message, in characters.</summary>
    public const int MaxHighlight = 400;

    public required string Repository { get; init; }

    public string? RepositoryUrl { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public required string Date { get; init; }

    public required ReportLanguage Language { get; init; }

    public required ReportStats Stats { get; init; }

    public IReadOnlyList<string> Highlights { get; init; } = [];

    /// <summary>The commits listed: high first, then medium, each in the report's order (newest first).</summary>
    public IReadOnlyList<DigestCommit> Commits { get; init; } = [];

    /// <summary>The archived report's web link (config <c>report_url</c>), if any.</summary>
    public string? ReportUrl { get; init; }

    /// <summary>An update of a day already sent: <see cref="Highlights"/> then holds what changed, one line each.</summary>
    public bool IsUpdate { get; init; }

    /// <summary>The highlights a chat message shows: those that are not the title of a listed commit (rules-mode
    /// highlights are the high-importance titles, which the commit list already shows with links).</summary>
    public IReadOnlyList<string> VisibleHighlights
    {
        get
        {
            var titles = Commits.Select(c => c.Title).ToHashSet(StringComparer.Ordinal);
            return [.. Highlights.Where(h => !titles.Contains(h))];
        }
    }

    /// <summary>Commits of the day that the message does not list (an update lists none and says what changed).</summary>
    public int More => IsUpdate ? 0 : Math.Max(0, Stats.Total - Commits.Count);

    public Labels Labels => Labels.For(Language);

    /// <summary>"acme/widgets · 每日更新报告（2026-01-12）", with "（已更新）" / "(updated)" for an update.</summary>
    public string Heading => $"{Repository} · {Labels.Title(Date)}{(IsUpdate ? Language == ReportLanguage.En ? " (updated)" : "（已更新）" : "")}";

    /// <summary>The heading of the highlights — or, in an update, of what changed.</summary>
    public string HighlightsHeading => !IsUpdate ? Labels.Highlights : Language == ReportLanguage.En ? "🔄 What changed since it was sent" : "🔄 发送后的变化";

    public string StatisticsLine => Labels.StatisticsLine(Stats.Total, Stats.High, Stats.Medium, Stats.Low);

    public string MoreLine => Language == ReportLanguage.En
        ? string.Create(CultureInfo.InvariantCulture, $"… {More} more commit{(More == 1 ? "" : "s")}")
        : string.Create(CultureInfo.InvariantCulture, $"… 还有 {More} 个提交");

    public string FullReport => Language == ReportLanguage.En ? "📄 Full report" : "📄 查看完整报告";

    /// <summary>The listed commits of a level with the level's heading (its count is the day's, not the listed).</summary>
    public IEnumerable<(string Heading, IReadOnlyList<DigestCommit> Commits)> Groups()
    {
        foreach (var level in new[] { ImportanceLevel.High, ImportanceLevel.Medium })
        {
            var commits = Commits.Where(c => c.Level == level).ToList();
            if (commits.Count > 0)
            {
                yield return (Labels.Group(level, level == ImportanceLevel.High ? Stats.High : Stats.Medium), commits);
            }
        }
    }

    /// <summary>The digest of a report: at most <paramref name="maxCommits"/> commits, high before medium.</summary>
    public static Digest From(PublishedReport published, PublishBatch batch, int maxCommits)
    {
        var report = published.Report;
        var commits = report.AtLevel(ImportanceLevel.High)
            .Concat(report.AtLevel(ImportanceLevel.Medium))
            .Take(maxCommits)
            .Select(e => new DigestCommit(e.Commit.Sha, BidiControls.Strip(e.Commit.Title), e.Level, e.CommitUrl))
            .ToList();
        // Every flavour shows this text as is (Feishu's text runs, the JSON flavour's fields): no bidirectional controls.
        return new Digest
        {
            Repository = BidiControls.Strip(report.Repository.Name),
            RepositoryUrl = report.Repository.Url,
            Date = published.IsoDate,
            Language = batch.Language,
            Stats = report.Stats,
            Highlights = [.. report.Highlights.Select(BidiControls.Strip)],
            Commits = commits,
            ReportUrl = batch.ReportUrl(published),
        };
    }

    /// <summary>The update of a day already sent: the day's counts now, what changed (new commits, commits gone,
    /// level changes) as its lines, no commit list.</summary>
    public static Digest Update(PublishedReport published, PublishBatch batch, ReportChange change) =>
        From(published, batch, 0) with { IsUpdate = true, Highlights = change.Lines(batch.Language) };

    /// <summary>This digest listing only its first <paramref name="count"/> commits (medium ones go first, as
    /// they are listed last).</summary>
    public Digest WithCommits(int count) => this with { Commits = [.. Commits.Take(count)] };

    /// <summary>This digest with only its first <paramref name="count"/> highlights.</summary>
    public Digest WithHighlights(int count) => this with { Highlights = [.. Highlights.Take(count)] };
}

/// <summary>A commit as a chat message lists it.</summary>
internal sealed record DigestCommit(string Sha, string Title, ImportanceLevel Level, string? Url)
{
    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;

    /// <summary>"high" | "medium" | "low".</summary>
    public string Importance => Level.ToString().ToLowerInvariant();
}

/// <summary>Text helpers shared by the formatters: one-line text, cutting at text elements (never inside a
/// character, a surrogate pair or a combining sequence), UTF-8 sizes, and each platform's escaping.</summary>
internal static class WebhookText
{
    /// <summary>One line: newlines, tabs and control characters become single spaces; trimmed.</summary>
    public static string OneLine(string text) => MarkdownText.Rendered(text);

    /// <summary>At most <paramref name="max"/> UTF-16 characters, cut between text elements (never inside a
    /// surrogate pair or a combining sequence), "…" marking a cut.</summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (next > max - 1)
            {
                break;
            }
            end = next;
        }
        return text[..end] + "…";
    }

    /// <summary>Bytes of the text in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD, as it is sent).</summary>
    public static int Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>Slack mrkdwn: &amp;, &lt; and &gt; as entities (so "&lt;!channel&gt;" or "&lt;script&gt;" stay text), and a
    /// zero-width space after each of * _ ~ ` (mrkdwn has no escape character; this breaks the markers).</summary>
    public static string SlackMrkdwn(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in OneLine(text))
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '*' or '_' or '~' or '`':
                    builder.Append(c).Append('\u200B');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>A Slack link target: http(s) only, with &amp; &lt; &gt; escaped and | encoded (it would end the URL).</summary>
    public static string? SlackUrl(string? url) => Link(url)?
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("|", "%7C", StringComparison.Ordinal);

    /// <summary>Markdown (DingTalk, WeCom): every Markdown punctuation backslash-escaped, one line.</summary>
    public static string Markdown(string text) => MarkdownText.Inline(text);

    /// <summary>A link target: http(s) only, with characters that could end a Markdown link encoded; null otherwise.</summary>
    public static string? Link(string? url) => MarkdownText.Url(url);
}
