using System.Text.Json;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Site;

/// <summary>The site in a real browser (Debian chromium via playwright-core, tests/e2e/site.spec.mjs): filters,
/// visible count, search, escaping of hostile commit titles under the pages' CSP, no request off 127.0.0.1.</summary>
public sealed class BrowserEndToEndTests
{
    /// <summary>The site under test. For now the hand-written fixture that follows the DOM contract; when
    /// `gitbrief site --out DIR` exists, generate into a temp directory and return that instead (one line).</summary>
    private static string SiteDirectory() => Path.Combine(BrowserHarness.RepositoryRoot, "tests", "Gitbrief.Tests", "Site", "Fixture");

    [Fact]
    public async Task Day_page_filters_search_finds_the_author_and_hostile_titles_stay_text()
    {
        var run = await BrowserHarness.RunAsync(SiteDirectory(), "days/2025-03-14.html", expectedHigh: 2, author: "Grace Hopper", title: "Add weekly digest scheduler");

        var result = run.Result!.Value;
        Assert.Equal(2, result.GetProperty("high").GetInt32());
        Assert.Equal(5, result.GetProperty("commits").GetInt32());
        Assert.Contains("Add weekly digest scheduler", result.GetProperty("searchHit").GetString(), StringComparison.Ordinal);
        Assert.Contains("Grace Hopper", result.GetProperty("searchHit").GetString(), StringComparison.Ordinal);
        Assert.Equal(run.ScreenshotPath, result.GetProperty("screenshot").GetString());
        Assert.True(new FileInfo(run.ScreenshotPath).Length > 1000, "the screenshot is empty");
    }

    [Fact]
    public async Task Searching_for_the_hostile_title_shows_it_as_text()
    {
        // The search index carries the raw title; site.js must render it with textContent, never as HTML.
        var run = await BrowserHarness.RunAsync(SiteDirectory(), "days/2025-03-14.html", expectedHigh: 2, author: "Grace Hopper",
            title: "<img src=x onerror=\"window.__xss='img'\"> Fix race in cache eviction", screenshotName: "2025-03-14-hostile");

        Assert.Equal(JsonValueKind.True, run.Result!.Value.GetProperty("ok").ValueKind);
    }
}
