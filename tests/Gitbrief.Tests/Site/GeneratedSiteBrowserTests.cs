using Gitbrief.Pipeline;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Site;

/// <summary>The site gitbrief generates, in a real browser: reports built by the real pipeline from a test
/// repository with hostile commit text, `gitbrief site`, then chromium through tests/e2e/site.spec.mjs (day page,
/// theme link, search, index, repository and "last 7 days" pages).</summary>
public sealed class GeneratedSiteBrowserTests : IDisposable
{
    private const string Day = "2026-02-10";
    private readonly TestRepository repository = TestRepository.Create("webapp");
    private readonly ReportWorkspace workspace = new();

    public void Dispose()
    {
        workspace.Dispose();
        repository.Dispose();
    }

    [Fact]
    public async Task A_generated_day_page_filters_searches_and_runs_no_script_from_commit_text()
    {
        repository.WriteLines("src/api/v1.py", 120);
        repository.Commit("feat!: drop the v1 API\n\nBREAKING CHANGE: clients must use v2", "2026-02-10T09:00:00+08:00", author: "Grace Hopper <grace@example.com>");
        repository.WriteLines("src/auth/login.py", 40);
        repository.Commit("fix(auth): prevent SQL injection in login (CVE-2026-1111)", "2026-02-10T10:00:00+08:00");
        repository.WriteLines("docs/readme.md", 30);
        repository.Commit("docs: <script>window.__xss=1</script> explain setup", "2026-02-10T11:00:00+08:00");
        repository.WriteLines("tests/test_login.py", 12);
        repository.Commit("test(auth): cover <img src=x onerror=\"window.__xss=1\"> login", "2026-02-10T12:00:00+08:00");
        repository.WriteLines("src/util.py", 8);
        repository.Commit("refactor: \"onmouseover=\"window.__xss=1 tidy util", "2026-02-10T13:00:00+08:00");
        var summary = await workspace.RunAsync(new ReportArguments { Repositories = [repository.Path], Date = Day, Formats = "md,json" });
        Assert.Equal(ExitCodes.Success, summary.ExitCode);
        var high = workspace.Json("webapp", Day).GetProperty("stats").GetProperty("high").GetInt32();
        Assert.Equal(2, high);
        var site = workspace.Combine("site");

        var build = CliRunner.Run(workspace.Root, "site", "--out", site, "--reports", workspace.Out);
        var run = await BrowserHarness.RunAsync(site, $"webapp/{Day}.html", high, "Grace Hopper", "drop the v1 API", "generated-day");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(run.Ok, run.ToString());
        Assert.Equal(5, run.Result!.Value.GetProperty("commits").GetInt32());
        Assert.Contains("drop the v1 API", run.Result!.Value.GetProperty("searchHit").GetString(), StringComparison.Ordinal);
        // The two auth commits are a theme (and the two "window.__xss" ones another), a theme's link was followed;
        // every commit time was in the report's zone; the repository's page and its "last 7 days" page were opened.
        var themes = workspace.Json("webapp", Day).GetProperty("themes").EnumerateArray().ToList();
        Assert.Contains(themes, t => t.GetProperty("title").GetString() == "auth: login");
        Assert.Equal(themes.Count, run.Result!.Value.GetProperty("themeLinks").GetInt32());
        Assert.Equal(5, run.Result!.Value.GetProperty("commitTimes").GetInt32());
        Assert.Equal(2, run.Result!.Value.GetProperty("repositoryPages").GetInt32());
        Assert.True(File.Exists(Path.Combine(BrowserHarness.ScreenshotDirectory, "generated-day-week.png")));
    }
}
