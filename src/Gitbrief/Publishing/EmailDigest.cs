using System.Globalization;
using System.Net;
using System.Text;
using Gitbrief.Publishing.Digests;
using Gitbrief.Rendering;

namespace Gitbrief.Publishing;

/// <summary>The one mail of a run: subject, plain text and HTML with one section per repository-day it carries, each
/// the day's <see cref="DayDigest"/> (statistics, the partial-day note, highlights, themes, the top commits with
/// author, change types and links, how many are not listed, the link to the full report when <c>report_url</c> is
/// configured) — or, for a day mailed before whose report changed, what changed. Commit-derived text is collapsed
/// to one line and, in the HTML part, HTML-escaped; only http(s) links are emitted.</summary>
internal sealed record EmailDigest(string Subject, string Text, string Html)
{
    /// <summary>Builds the digest of <paramref name="items"/> (in the batch's order): a report never mailed in full, one
    /// mailed before whose report changed as what changed. <paramref name="subject"/> is the configured subject, in which
    /// <c>{date}</c> stands for the day or the range; null: the default subject (an update's own when all are updates).</summary>
    public static EmailDigest Build(IReadOnlyList<(PublishedReport Report, ReportChange? Change)> items, PublishBatch batch, string? subject)
    {
        var labels = Labels.For(batch.Language);
        var first = items.Min(i => i.Report.Day);
        var last = items.Max(i => i.Report.Day);
        var dates = first == last ? Iso(first) : $"{Iso(first)} – {Iso(last)}";
        var fallback = items.All(i => i.Change is not null) ? labels.MailUpdateSubject : labels.MailSubject;
        var title = OneLine((subject ?? fallback).Replace("{date}", dates, StringComparison.Ordinal));

        var mail = new Writer();
        mail.Text.Append(title).Append("\n\n");
        mail.Html.Append("<!DOCTYPE html>\n<html lang=\"").Append(labels.Lang).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Escape(title)).Append("</title>\n</head>\n")
            .Append("<body style=\"font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; line-height: 1.5; color: #1f2328;\">\n")
            .Append("<h1 style=\"font-size: 20px;\">").Append(Escape(title)).Append("</h1>\n");
        foreach (var (published, change) in items)
        {
            AppendDay(mail, DayDigest.Of(published, batch.Language, batch.ReportUrl(published), change));
        }
        mail.Text.Append("-- \n").Append(labels.MailFooter).Append('\n');
        mail.Html.Append("<hr>\n<p style=\"color: #59636e; font-size: 12px;\">").Append(Escape(labels.MailFooter)).Append("</p>\n</body>\n</html>\n");
        return new EmailDigest(title, mail.Text.ToString(), mail.Html.ToString());
    }

    /// <summary>The plain-text and the HTML part, written side by side.</summary>
    private sealed class Writer
    {
        public StringBuilder Text { get; } = new();

        public StringBuilder Html { get; } = new();

        public void Paragraph(string text)
        {
            Text.Append(OneLine(text)).Append("\n\n");
            Html.Append("<p>").Append(Escape(OneLine(text))).Append("</p>\n");
        }

        /// <summary>A heading and one item per point (HTML-escaped); nothing when there are no points.</summary>
        public void List(string? heading, IEnumerable<string> points)
        {
            var items = points.Select(OneLine).ToList();
            if (items.Count == 0)
            {
                return;
            }
            if (heading is not null)
            {
                Text.Append(heading).Append('\n');
                Html.Append("<h3 style=\"font-size: 15px;\">").Append(Escape(heading)).Append("</h3>\n");
            }
            Html.Append("<ul>\n");
            foreach (var item in items)
            {
                Text.Append("  - ").Append(item).Append('\n');
                Html.Append("<li>").Append(Escape(item)).Append("</li>\n");
            }
            Text.Append('\n');
            Html.Append("</ul>\n");
        }
    }

    /// <summary>A repository-day's section: its heading, then the digest — or, in an update, what changed — and the
    /// link to the full report.</summary>
    private static void AppendDay(Writer mail, DayDigest digest)
    {
        var labels = digest.Labels;
        AppendHeading(mail, digest);
        if (digest.PartialNote is { } partial)
        {
            mail.Paragraph(partial);
        }
        if (digest.IsUpdate)
        {
            mail.List(null, digest.Highlights);
        }
        else if (digest.Stats.Total == 0)
        {
            mail.Paragraph(labels.NoCommits);
        }
        else
        {
            mail.Text.Append(labels.Statistics).Append(labels.Colon).Append(digest.StatisticsLine).Append("\n\n");
            mail.Html.Append("<p><strong>").Append(Escape(labels.Statistics)).Append("</strong>").Append(Escape(labels.Colon))
                .Append(Escape(digest.StatisticsLine)).Append("</p>\n");
            mail.List(labels.Highlights, digest.VisibleHighlights);
            mail.List(labels.Themes, digest.Themes.Select(digest.ThemeLine));
            foreach (var (heading, commits) in digest.Groups())
            {
                mail.Text.Append(heading).Append('\n');
                mail.Html.Append("<h3 style=\"font-size: 15px;\">").Append(Escape(heading)).Append("</h3>\n<ul>\n");
                foreach (var commit in commits)
                {
                    AppendCommit(mail, commit, labels);
                }
                mail.Text.Append('\n');
                mail.Html.Append("</ul>\n");
            }
            if (digest.More > 0)
            {
                mail.Paragraph(digest.MoreLine);
            }
        }
        if (MarkdownText.Url(digest.ReportUrl) is { } reportUrl)
        {
            mail.Text.Append(digest.FullReport).Append(labels.Colon).Append(reportUrl).Append("\n\n");
            mail.Html.Append("<p>").Append(Link(reportUrl, digest.FullReport)).Append("</p>\n");
        }
    }

    private static void AppendHeading(Writer mail, DayDigest digest)
    {
        var repository = OneLine(digest.Repository);
        var repositoryUrl = MarkdownText.Url(digest.RepositoryUrl);
        var suffix = digest.IsUpdate ? digest.Labels.Updated : "";
        mail.Text.Append("== ").Append(repository).Append(" · ").Append(digest.Date).Append(suffix).Append(" ==\n");
        if (repositoryUrl is not null)
        {
            mail.Text.Append(repositoryUrl).Append('\n');
        }
        mail.Text.Append('\n');
        mail.Html.Append("<h2 style=\"font-size: 17px; border-bottom: 1px solid #d1d9e0;\">").Append(Link(repositoryUrl, repository))
            .Append(" · ").Append(digest.Date).Append(Escape(suffix)).Append("</h2>\n");
    }

    private static void AppendCommit(Writer mail, DigestCommit commit, Labels labels)
    {
        var (text, html) = (mail.Text, mail.Html);
        var title = OneLine(string.IsNullOrWhiteSpace(commit.Title) ? commit.ShortSha : commit.Title);
        var types = string.Join(labels.ListSeparator, commit.Types.Select(labels.Type));
        var author = OneLine(commit.Author);
        var commitUrl = MarkdownText.Url(commit.Url);
        var pullRequestUrl = MarkdownText.Url(commit.PullRequestUrl);
        var pullRequest = commit.PullRequest is { } number ? "PR #" + number.ToString(CultureInfo.InvariantCulture) : null;

        text.Append("  - ").Append(title).Append(" (").Append(commit.ShortSha);
        if (author.Length > 0)
        {
            text.Append(", ").Append(author);
        }
        text.Append(')');
        if (types.Length > 0)
        {
            text.Append(" [").Append(types).Append(']');
        }
        text.Append('\n');
        if (commitUrl is not null)
        {
            text.Append("    ").Append(commitUrl).Append('\n');
        }
        if (pullRequestUrl is not null)
        {
            text.Append("    ").Append(pullRequest).Append(labels.Colon).Append(pullRequestUrl).Append('\n');
        }

        html.Append("<li>").Append(Link(commitUrl, title)).Append(" <code>").Append(commit.ShortSha).Append("</code>");
        if (author.Length > 0)
        {
            html.Append(" · ").Append(Escape(author));
        }
        if (pullRequestUrl is not null && pullRequest is not null)
        {
            html.Append(" · ").Append(Link(pullRequestUrl, pullRequest));
        }
        if (types.Length > 0)
        {
            html.Append(" <span style=\"color: #59636e;\">[").Append(Escape(types)).Append("]</span>");
        }
        html.Append("</li>\n");
    }

    /// <summary>An anchor when the URL is a safe http(s) link, else the escaped text alone.</summary>
    private static string Link(string? url, string text) =>
        url is null ? Escape(text) : $"<a href=\"{Escape(url)}\">{Escape(text)}</a>";

    private static string Escape(string text) => WebUtility.HtmlEncode(BidiControls.Strip(text));

    /// <summary>Untrusted text on one line: newlines and control characters become single spaces.</summary>
    private static string OneLine(string text) => MarkdownText.Rendered(text);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
