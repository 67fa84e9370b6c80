using System.Text.RegularExpressions;
using Gitbrief.Pipeline;
using Gitbrief.Site;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Site;

/// <summary>The index, repository, "last 7 days" and day pages built from reports the real pipeline wrote for two
/// repositories, one busy and one quiet, over a window with days without commits.</summary>
public sealed partial class SitePagesTests : IAsyncLifetime
{
    private const string Day = "2026-03-02";
    private readonly TestRepository busy = TestRepository.Create("busy");
    private readonly TestRepository quiet = TestRepository.Create("quiet");
    private readonly ReportWorkspace workspace = new();

    private string Site => workspace.Combine("site");

    public async Task InitializeAsync()
    {
        busy.WriteLines("src/parser/lexer.py", 200).Commit("feat(parser): tokenize raw strings", "2026-03-02T09:00:00+08:00");
        busy.WriteLines("src/parser/grammar.py", 180).Commit("feat(parser): parse match statements", "2026-03-02T10:00:00+08:00");
        busy.WriteLines("src/parser/errors.py", 20).Commit("fix(parser): point at the right column", "2026-03-02T11:00:00+08:00");
        busy.WriteLines("src/auth/session.py", 40).Commit("fix: prevent session fixation (CVE-2026-2222)", "2026-03-02T12:00:00+08:00");
        busy.WriteLines("docs/guide.md", 10).Commit("docs: explain the parser", "2026-03-02T13:00:00+08:00");
        // Committed at 20:30 UTC on 1 March: 04:30 on 2 March in the report's zone.
        busy.WriteLines("src/cli/main.py", 30).Commit("Add a --version flag", "2026-03-01T20:30:00+00:00");
        quiet.WriteLines("src/a.py", 10).Commit("feat: first", "2026-02-26T09:00:00+08:00");
        quiet.WriteLines("src/b.py", 10).Commit("feat: second", "2026-03-02T09:00:00+08:00");
        foreach (var repository in new[] { busy, quiet })
        {
            var run = await workspace.RunAsync(new ReportArguments
            {
                Repositories = [repository.Path], Since = "2026-02-26", Until = Day, Language = "en", TimeZone = "Asia/Shanghai",
            });
            Assert.Equal(ExitCodes.Success, run.ExitCode);
        }
        await SiteBuilder.BuildAsync(new SiteOptions(workspace.Out, Site), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        busy.Dispose();
        quiet.Dispose();
        workspace.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void The_index_shows_the_busiest_repository_first_with_its_recent_days_and_links()
    {
        var index = Read("index.html");

        var sections = Section().Matches(index).Select(m => (m.Groups["name"].Value, int.Parse(m.Groups["commits"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal([("busy", 6), ("quiet", 2)], sections);
        var busyCard = index[index.IndexOf("id=\"repo-busy\"", StringComparison.Ordinal)..index.IndexOf("id=\"repo-quiet\"", StringComparison.Ordinal)];
        Assert.Contains("<a href=\"busy/2026-03-02.html\">2026-03-02</a>", busyCard, StringComparison.Ordinal);
        // The four days before, reported without commits, are one line (26 February is outside the last seven days).
        Assert.Contains("<li class=\"empty-run\" data-days=\"4\">2026-02-26 – 2026-03-01: no commits (4 days)</li>", busyCard, StringComparison.Ordinal);
        Assert.DoesNotContain("busy/2026-02-27.html", busyCard, StringComparison.Ordinal);
        Assert.Contains("href=\"busy/week.html\"", busyCard, StringComparison.Ordinal);
        Assert.Contains("href=\"busy/index.html\">All 5 days</a>", busyCard, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_page_lists_all_its_days_with_empty_runs_collapsed()
    {
        var page = Read("quiet", "index.html");

        Assert.Equal(["2026-03-02.html", "2026-02-26.html"], DayLinks().Matches(page).Select(m => m.Groups["page"].Value));
        Assert.Contains("<li class=\"empty-run\" data-days=\"3\">2026-02-27 – 2026-03-01: no commits (3 days)</li>", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"week.html\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_week_page_shows_each_days_themes_and_high_items_linked_to_the_day_page()
    {
        var week = Read("busy", "week.html");
        // English beside the default Chinese: the report's files are DATE.en.*.
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(workspace.ReportPath("busy", Day, "en.json")));
        var json = document.RootElement;
        var high = json.GetProperty("commits").EnumerateArray().Where(c => c.GetProperty("importance").GetString() == "high").ToList();

        Assert.Contains("<section class=\"week-day\" data-date=\"2026-03-02\">", week, StringComparison.Ordinal);
        Assert.Contains("<p class=\"empty-run\" data-days=\"4\">", week, StringComparison.Ordinal);
        Assert.NotEmpty(high);
        foreach (var commit in high)
        {
            var sha = commit.GetProperty("sha").GetString()!;
            Assert.Contains($"<a href=\"2026-03-02.html#c-{sha[..12]}\">{commit.GetProperty("title").GetString()}</a>", week, StringComparison.Ordinal);
        }
        var theme = Assert.Single(json.GetProperty("themes").EnumerateArray());
        Assert.Contains($"<strong class=\"theme-title\">{theme.GetProperty("title").GetString()}</strong>", week, StringComparison.Ordinal);
        foreach (var sha in theme.GetProperty("commits").EnumerateArray().Select(s => s.GetString()!))
        {
            Assert.Contains($"href=\"2026-03-02.html#c-{sha[..12]}\"", week, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_day_page_shows_times_in_the_reports_zone_the_counts_once_and_the_themes()
    {
        var page = Read("busy", Day + ".html");

        Assert.Contains("<time datetime=\"2026-03-02T04:30:00+08:00\" title=\"2026-03-01T20:30:00+00:00\">04:30</time>", page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-03-02T09:00:00+08:00\" title=\"2026-03-02T09:00:00+08:00\">09:00</time>", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, "class=\"stat-counts\""));
        Assert.Single(Regex.Matches(page, "6 commits"));
        Assert.Contains("<section class=\"themes\">", page, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"prev\" href=\"2026-03-01.html\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", page, StringComparison.Ordinal);
        Assert.Contains("window 2026-03-02 00:00:00 – 2026-03-02 23:59:59 (Asia/Shanghai)", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_link_between_pages_and_to_a_commit_resolves()
    {
        var checkedLinks = 0;
        foreach (var file in Directory.EnumerateFiles(Site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var html = File.ReadAllText(file);
            foreach (var href in Href().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["href"].Value)))
            {
                if (href.StartsWith("http", StringComparison.Ordinal))
                {
                    continue;
                }
                var (path, fragment) = href.Contains('#', StringComparison.Ordinal) ? (href[..href.IndexOf('#', StringComparison.Ordinal)], href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..]) : (href, "");
                var target = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                Assert.True(File.Exists(target), $"{Path.GetRelativePath(Site, file)}: {href} → no such file");
                if (fragment.Length > 0)
                {
                    Assert.True(File.ReadAllText(target).Contains($"id=\"{fragment}\"", StringComparison.Ordinal),
                        $"{Path.GetRelativePath(Site, file)}: {href} → no element with that id");
                }
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks > 100, $"only {checkedLinks} links checked");
    }

    private string Read(params string[] parts) => File.ReadAllText(Path.Combine([Site, .. parts]));

    [GeneratedRegex("<section class=\"repository\" id=\"repo-(?<name>[^\"]+)\" data-recent-commits=\"(?<commits>\\d+)\">")]
    private static partial Regex Section();

    [GeneratedRegex("<li><a href=\"(?<page>\\d{4}-\\d{2}-\\d{2}\\.html)\">")]
    private static partial Regex DayLinks();

    [GeneratedRegex("href=\"(?<href>[^\"]*)\"")]
    private static partial Regex Href();
}
