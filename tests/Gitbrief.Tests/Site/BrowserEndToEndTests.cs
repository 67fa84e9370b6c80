using System.Text.Json;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Site;

/// <summary>The site gitbrief generates, in a real browser (Debian chromium via playwright-core, tests/e2e/site.spec.mjs):
/// reports written by `gitbrief report` from a test repository with hostile commit text, the site built by
/// `gitbrief site` — so the script under test is the product's own assets/site.js — and served by `gitbrief serve`
/// (or a plain static server). Filters, visible count, search, hostile titles kept as text under the pages' CSP,
/// no request off 127.0.0.1, and a screenshot in which the Chinese labels can be read (a CJK font is required).</summary>
public sealed class BrowserEndToEndTests(BrowserEndToEndTests.GeneratedSite site) : IClassFixture<BrowserEndToEndTests.GeneratedSite>
{
    [Fact]
    public async Task The_served_day_page_filters_and_search_finds_the_author()
    {
        await using var serve = await ServeProcess.StartAsync(site.Root, site.Site);
        var script = await serve.Client.GetStringAsync(serve.Url + "assets/site.js");
        Assert.Equal(Gitbrief.Site.SiteAssets.Js.ReplaceLineEndings("\n"), script);

        var run = await BrowserHarness.RunAtAsync(serve.Url, site.DayPage, site.High, "Grace Hopper", "Add weekly digest scheduler", "generated-day");

        var result = run.Result!.Value;
        Assert.Equal(site.High, result.GetProperty("high").GetInt32());
        Assert.Equal(GeneratedSite.Commits, result.GetProperty("commits").GetInt32());
        Assert.Contains("Add weekly digest scheduler", result.GetProperty("searchHit").GetString(), StringComparison.Ordinal);
        Assert.Contains("Grace Hopper", result.GetProperty("searchHit").GetString(), StringComparison.Ordinal);
        Assert.True(new FileInfo(run.ScreenshotPath).Length > 1000, "the screenshot is empty");
        // Every commit time was in the report's zone; a theme's link was followed to its commit (the two
        // "window.__xss" commits are one); the repository's page and its "last 7 days" page were opened from the index.
        Assert.Equal(GeneratedSite.Commits, result.GetProperty("commitTimes").GetInt32());
        Assert.Equal(site.Themes, result.GetProperty("themeLinks").GetInt32());
        Assert.True(site.Themes > 0, "the day has no theme to follow");
        Assert.Equal(2, result.GetProperty("repositoryPages").GetInt32());
        Assert.True(File.Exists(Path.Combine(BrowserHarness.ScreenshotDirectory, "generated-day-week.png")));
    }

    [Fact]
    public async Task Searching_for_the_hostile_title_shows_it_as_text()
    {
        // The search index carries the raw title; site.js must render it with textContent, never as HTML.
        var run = await BrowserHarness.RunAsync(site.Site, site.DayPage, site.High, "Grace Hopper", GeneratedSite.HostileTitle, "generated-day-hostile");

        Assert.Equal(JsonValueKind.True, run.Result!.Value.GetProperty("ok").ValueKind);
    }

    [Fact]
    public async Task Without_a_CJK_font_the_screenshot_test_fails_and_says_what_to_install()
    {
        // A fontconfig that knows no font at all: what a machine without fonts-wqy-zenhei looks like to chromium.
        var config = Path.Combine(site.Root, "no-fonts.conf");
        await File.WriteAllTextAsync(config, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig></fontconfig>\n");
        var environment = new Dictionary<string, string> { ["FONTCONFIG_FILE"] = config };

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() =>
            BrowserHarness.RunAtAsync("http://127.0.0.1:9/", site.DayPage, site.High, "Grace Hopper", "Add weekly digest scheduler", "no-font", environment));

        Assert.Contains("fc-list :lang=zh", failure.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-wqy-zenhei", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>One repository-day with five commits (two of high importance) whose titles and authors carry HTML and
    /// script, reported (in Chinese, the default) and built into a site with the real command line.</summary>
    public sealed class GeneratedSite : IAsyncLifetime
    {
        public const int Commits = 5;
        public const string HostileTitle = "<img src=x onerror=\"window.__xss='img'\"> Fix race in cache eviction";
        private const string Day = "2026-02-10";
        private readonly TestRepository repository = TestRepository.Create("webapp");
        private readonly ReportWorkspace workspace = new();

        public string Root => workspace.Root;

        public string Site => workspace.Combine("site");

        public string DayPage => $"webapp/{Day}.html";

        /// <summary>High-importance commits, as the JSON report counts them.</summary>
        public int High { get; private set; }

        /// <summary>The day's themes, as the JSON report lists them.</summary>
        public int Themes { get; private set; }

        public Task InitializeAsync()
        {
            const string grace = "Grace Hopper <grace@example.com>";
            repository.WriteLines("src/digest/scheduler.py", 160);
            repository.Commit("feat!: Add weekly digest scheduler\n\nBREAKING CHANGE: the daily job now runs weekly digests too", $"{Day}T09:00:00+08:00", author: grace);
            repository.WriteLines("src/auth/login.py", 40);
            repository.Commit("fix: prevent SQL injection in login (CVE-2026-1111)", $"{Day}T10:00:00+08:00");
            repository.WriteLines("src/cache/evict.py", 6);
            repository.Commit(HostileTitle, $"{Day}T11:00:00+08:00", author: grace);
            repository.WriteLines("docs/readme.md", 30);
            repository.Commit("docs: <script>window.__xss=1</script> explain setup", $"{Day}T12:00:00+08:00");
            repository.WriteLines("src/util.py", 8);
            repository.Commit("refactor: \"onmouseover=\"window.__xss=1 tidy util", $"{Day}T13:00:00+08:00", author: "\"onmouseover=\"x <evil@example.com>");

            var report = workspace.Cli("report", "--repo", repository.Path, "--date", Day);
            Assert.True(report.ExitCode == 0, report.ToString());
            var build = CliRunner.Run(workspace.Root, "site", "--out", Site, "--reports", workspace.Out);
            Assert.True(build.ExitCode == 0, build.ToString());
            High = workspace.Json("webapp", Day).GetProperty("stats").GetProperty("high").GetInt32();
            Themes = workspace.Json("webapp", Day).GetProperty("themes").GetArrayLength();
            // The breaking change and the security fix; the race fix in the cache is medium (a wrong result, not a crash).
            Assert.Equal(2, High);
            return Task.CompletedTask;
        }

        public Task DisposeAsync()
        {
            workspace.Dispose();
            repository.Dispose();
            return Task.CompletedTask;
        }
    }
}
