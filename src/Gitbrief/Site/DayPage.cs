using System.Globalization;
using System.Text;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary><c>&lt;repo-name&gt;/&lt;YYYY-MM-DD&gt;.html</c>: links to the previous and next day, the day's counts (once),
/// highlights and themes, filter buttons (importance, change type) driven by site.js, and the commits grouped by
/// importance, each an <c>&lt;article class="commit" data-importance data-types&gt;</c> with its time in the report's time
/// zone and its analysis in a <c>&lt;details&gt;</c>.</summary>
internal static class DayPage
{
    private static readonly string[] Levels = ["high", "medium", "low"];

    /// <param name="older">The repository's previous reported day, if any; <paramref name="newer"/> its next.</param>
    public static string Render(SiteDay day, JsonReport report, SiteText text, SiteDay? older = null, SiteDay? newer = null)
    {
        var labels = text.Labels;
        var title = $"{day.Name} · {labels.Title(day.IsoDate)}";
        var html = new StringBuilder();
        PageShell.Open(html, text, "../", title, "day-page", Html.FeedPath(day.Name));
        html.Append("<p class=\"breadcrumb\"><a href=\"../index.html#").Append(Html.Escape(IndexPage.Anchor(day.Name))).Append("\">")
            .Append(Html.Escape(text.Home)).Append("</a> / <a href=\"index.html\">").Append(Html.Escape(day.Name)).Append("</a> / ")
            .Append(day.IsoDate).Append("</p>\n")
            .Append("<h1>").Append(Html.Link(report.Repository.Url, day.Name)).Append(" · ").Append(day.IsoDate).Append("</h1>\n")
            .Append("<p class=\"window\" data-start=\"").Append(Html.Escape(report.Window.Start)).Append("\">")
            .Append(Html.Escape(labels.Window(report.Repository.Branch, $"{Plain(report.Window.Start)} – {Plain(report.Window.End)}", report.TimeZone)))
            .Append("</p>\n");
        AppendDayNavigation(html, text, older, newer);

        var stats = report.Stats;
        html.Append("<ul class=\"stat-counts\" aria-label=\"").Append(Html.Escape(labels.Statistics)).Append("\">\n")
            .Append("<li class=\"count total\" data-level=\"total\">").Append(Html.Escape(text.TotalCommits(stats.Total))).Append("</li>");
        LevelCounts.Append(html, text, day.Count, "li");
        html.Append("\n</ul>\n");

        if (report.Highlights.Count > 0)
        {
            html.Append("<section class=\"highlights\">\n<h2>").Append(Html.Escape(labels.Highlights)).Append("</h2>\n<ul>\n");
            foreach (var highlight in report.Highlights)
            {
                html.Append("<li>").Append(Html.Escape(highlight)).Append("</li>\n");
            }
            html.Append("</ul>\n</section>\n");
        }

        if (ThemeList.Valid(report).Count > 0)
        {
            html.Append("<section class=\"themes\">\n<h2>").Append(Html.Escape(labels.Themes)).Append("</h2>\n");
            ThemeList.Append(html, report, text, string.Empty);
            html.Append("</section>\n");
        }

        if (report.Commits.Count == 0)
        {
            html.Append("<p class=\"empty\">").Append(Html.Escape(labels.NoCommits)).Append("</p>\n")
                .Append("<p class=\"visible\">").Append(Html.Escape(text.Visible)).Append(": <span id=\"visible-count\">0</span></p>\n");
            PageShell.Close(html);
            return html.ToString();
        }

        AppendFilters(html, report, text);
        var zone = report.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : null;
        foreach (var level in Levels)
        {
            var commits = report.Commits.Where(c => Level(c) == level).ToList();
            if (commits.Count == 0)
            {
                continue;
            }
            html.Append("<section class=\"group\" data-group=\"").Append(level).Append("\">\n<h2>")
                .Append(Html.Escape(labels.Group(SiteText.ParseLevel(level), commits.Count))).Append("</h2>\n");
            foreach (var commit in commits)
            {
                AppendCommit(html, commit, text, zone);
            }
            html.Append("</section>\n");
        }
        PageShell.Close(html);
        return html.ToString();
    }

    /// <summary>Links to the repository's previous and next reported days.</summary>
    private static void AppendDayNavigation(StringBuilder html, SiteText text, SiteDay? older, SiteDay? newer)
    {
        if (older is null && newer is null)
        {
            return;
        }
        html.Append("<nav class=\"day-nav\">");
        if (older is not null)
        {
            html.Append("<a rel=\"prev\" href=\"").Append(older.IsoDate).Append(".html\">").Append(Html.Escape(text.PreviousDay))
                .Append(' ').Append(older.IsoDate).Append("</a>");
        }
        if (newer is not null)
        {
            html.Append("<a rel=\"next\" href=\"").Append(newer.IsoDate).Append(".html\">").Append(newer.IsoDate).Append(' ')
                .Append(Html.Escape(text.NextDay)).Append("</a>");
        }
        html.Append("</nav>\n");
    }

    private static void AppendFilters(StringBuilder html, JsonReport report, SiteText text)
    {
        html.Append("<section class=\"filters\">\n")
            .Append("<div class=\"filter-row\" role=\"group\" aria-label=\"").Append(Html.Escape(text.FilterImportance)).Append("\">\n")
            .Append("<span class=\"filter-label\">").Append(Html.Escape(text.FilterImportance)).Append("</span>\n")
            .Append("<button type=\"button\" class=\"filter\" data-filter-importance=\"all\" aria-pressed=\"true\">")
            .Append(Html.Escape(text.All)).Append("</button>\n");
        foreach (var level in Levels)
        {
            html.Append("<button type=\"button\" class=\"filter\" data-filter-importance=\"").Append(level).Append("\" aria-pressed=\"false\">")
                .Append(Html.Escape(text.Level(level))).Append("</button>\n");
        }
        html.Append("</div>\n");
        var types = report.Commits.SelectMany(c => c.ChangeTypes).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        if (types.Count > 0)
        {
            html.Append("<div class=\"filter-row\" role=\"group\" aria-label=\"").Append(Html.Escape(text.FilterType)).Append("\">\n")
                .Append("<span class=\"filter-label\">").Append(Html.Escape(text.FilterType)).Append("</span>\n");
            foreach (var type in types)
            {
                html.Append("<button type=\"button\" class=\"filter\" data-filter-type=\"").Append(Html.Escape(type)).Append("\" aria-pressed=\"false\">")
                    .Append(Html.Escape(text.Type(type))).Append("</button>\n");
            }
            html.Append("</div>\n");
        }
        html.Append("<p class=\"visible\">").Append(Html.Escape(text.Visible)).Append(": <span id=\"visible-count\">")
            .Append(N(report.Commits.Count)).Append("</span> / ").Append(N(report.Commits.Count)).Append("</p>\n")
            .Append("</section>\n");
    }

    private static void AppendCommit(StringBuilder html, JsonCommit commit, SiteText text, TimeZoneInfo? zone)
    {
        var labels = text.Labels;
        var level = Level(commit);
        var commitTitle = string.IsNullOrWhiteSpace(commit.Title) ? commit.ShortSha : commit.Title;
        html.Append("<article class=\"commit\" id=\"").Append(Html.Escape(CommitAnchor(commit))).Append("\" data-importance=\"").Append(level)
            .Append("\" data-types=\"").Append(Html.Escape(string.Join(' ', commit.ChangeTypes))).Append("\">\n")
            .Append("<h3 class=\"commit-title\">").Append(Html.Escape(commitTitle)).Append("</h3>\n")
            .Append("<p class=\"meta\">")
            .Append("<span class=\"level ").Append(level).Append("\">").Append(Html.Escape(text.Level(level))).Append("</span> · ")
            .Append(Html.Link(commit.Url, commit.ShortSha, "sha")).Append(" · ")
            .Append("<span class=\"author\">").Append(Html.Escape(commit.Author.Name)).Append("</span> · ")
            .Append(Time(commit.CommittedAt, zone));
        if (commit.PullRequest is { } number)
        {
            html.Append(" · ").Append(Html.Link(commit.PullRequestUrl, "PR #" + N(number), "pr"));
        }
        html.Append(" · <span class=\"score\">").Append(Html.Escape(labels.Score(commit.Score))).Append("</span></p>\n");
        if (commit.ChangeTypes.Count > 0)
        {
            html.Append("<p class=\"types\">");
            foreach (var type in commit.ChangeTypes)
            {
                html.Append("<span class=\"type\">").Append(Html.Escape(text.Type(type))).Append("</span>");
            }
            html.Append("</p>\n");
        }
        if (commit.PullRequestTitle is { } prTitle)
        {
            html.Append("<p class=\"pr-title\">").Append(Html.Escape(prTitle)).Append("</p>\n");
        }
        AppendAnalysis(html, commit, text);
        html.Append("</article>\n");
    }

    private static void AppendAnalysis(StringBuilder html, JsonCommit commit, SiteText text)
    {
        var labels = text.Labels;
        var analysis = commit.Analysis;
        html.Append("<details class=\"analysis\">\n<summary>").Append(Html.Escape(text.Analysis)).Append("</summary>\n");
        if (analysis.FallbackReason is { } reason)
        {
            html.Append("<p class=\"warning\">").Append(Html.Escape(labels.Fallback(reason))).Append("</p>\n");
        }
        if (commit.Message.Trim().Length > 0)
        {
            html.Append("<h4>").Append(Html.Escape(labels.Message)).Append("</h4>\n<pre class=\"message\">")
                .Append(Html.Escape(commit.Message.TrimEnd())).Append("</pre>\n");
        }
        List(html, labels.Summary, analysis.Summary);
        if (analysis.Components.Count > 0)
        {
            html.Append("<h4>").Append(Html.Escape(labels.ImpactScope)).Append("</h4>\n<ul>\n");
            foreach (var component in analysis.Components)
            {
                html.Append("<li><code>").Append(Html.Escape(component.Path)).Append("</code> ")
                    .Append(Html.Escape(labels.ComponentLine(component.Files, component.Additions, component.Deletions))).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        List(html, labels.ImpactScope, analysis.Impact);
        if (analysis.Insights is { } insights)
        {
            foreach (var (heading, items) in new[] { (labels.Architecture, insights.Architecture), (labels.Performance, insights.Performance), (labels.Security, insights.Security) })
            {
                List(html, heading, items.Select(i => i.Text + (i.Severity is { } s ? labels.Severity(s) : string.Empty)).ToList());
            }
        }
        List(html, labels.Risks, analysis.Risks);
        List(html, labels.Recommendations, analysis.Recommendations);
        List(html, text.Reasons, commit.Reasons.Select(r => $"{r.Detail} ({(r.Points >= 0 ? "+" : string.Empty)}{N(r.Points)})").ToList());
        if (commit.Files.Count > 0)
        {
            html.Append("<h4>").Append(Html.Escape(text.Files)).Append("</h4>\n<ul class=\"files\">\n");
            foreach (var file in commit.Files)
            {
                html.Append("<li><code>");
                if (file.OldPath is { } old)
                {
                    html.Append(Html.Escape(old)).Append(" → ");
                }
                html.Append(Html.Escape(file.Path)).Append("</code> <span class=\"file-status\">").Append(Html.Escape(file.Status)).Append("</span>");
                html.Append(file.Binary ? " <span class=\"binary\">binary</span>" : $" <span class=\"lines\">+{N(file.Additions)}/-{N(file.Deletions)}</span>");
                html.Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        if (commit.FilesTruncated == true)
        {
            html.Append("<p class=\"warning\">").Append(Html.Escape(labels.FilesTruncated(commit.Files.Count))).Append("</p>\n");
        }
        html.Append("</details>\n");
    }

    private static void List(StringBuilder html, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }
        html.Append("<h4>").Append(Html.Escape(heading)).Append("</h4>\n<ul>\n");
        foreach (var item in items)
        {
            html.Append("<li>").Append(Html.Escape(item)).Append("</li>\n");
        }
        html.Append("</ul>\n");
    }

    /// <summary>A commit time in the report's time zone — the zone that decides the day — as
    /// <c>&lt;time datetime="2026-02-10T09:00:00+08:00" title="2026-02-10T01:00:00+00:00"&gt;09:00&lt;/time&gt;</c> (the title keeps the committer's own offset); as written when
    /// the zone or the time cannot be read.</summary>
    public static string Time(string committedAt, TimeZoneInfo? zone)
    {
        if (zone is null || !DateTimeOffset.TryParse(committedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return $"<time datetime=\"{Html.Escape(committedAt)}\">{Html.Escape(committedAt)}</time>";
        }
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"<time datetime=\"{local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}\" title=\"{Html.Escape(committedAt)}\">"
               + $"{local.ToString("HH:mm", CultureInfo.InvariantCulture)}</time>";
    }

    /// <summary>A window bound as the Markdown report shows it ("2026-02-10 00:00:00"; its zone is named beside it).</summary>
    private static string Plain(string timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : timestamp;

    /// <summary>The commit's importance as one of the three codes (anything unexpected counts as low).</summary>
    public static string Level(JsonCommit commit) => Level(commit.Importance);

    /// <summary>An importance as one of the three codes (anything unexpected counts as low).</summary>
    public static string Level(string importance) => importance is "high" or "medium" ? importance : "low";

    /// <summary>The commit's fragment id on its day page.</summary>
    public static string CommitAnchor(JsonCommit commit) => CommitAnchor(commit.Sha);

    /// <summary>The fragment id of the commit <paramref name="sha"/> on its day page.</summary>
    public static string CommitAnchor(string sha) => "c-" + string.Concat(sha.Where(char.IsAsciiHexDigit).Take(12));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
