using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Site;

/// <summary><c>publish: [{type: site, path: site}]</c>: gitbrief run rebuilds the site after the report.</summary>
public sealed class SitePublishTests : IDisposable
{
    private readonly TestRepository repository = TestRepository.Create("daily");
    private readonly ReportWorkspace workspace = new();

    public void Dispose()
    {
        workspace.Dispose();
        repository.Dispose();
    }

    [Fact]
    public void Run_rebuilds_the_site()
    {
        repository.WriteLines("src/app.py", 10).Commit("feat: <script>alert(1)</script>", "2026-02-10T09:00:00+08:00");
        var config = workspace.WriteFile("gitbrief.yaml", "publish:\n  - type: site\n    path: site\n    base_url: https://example.com/b/\n");

        var first = workspace.Cli("run", "--repo", repository.Path, "--date", "2026-02-10", "-c", config, "--lang", "en");
        var second = workspace.Cli("run", "--repo", repository.Path, "--date", "2026-02-10", "-c", config, "--lang", "en");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("1 delivered", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 already there", second.Stderr, StringComparison.Ordinal);
        var page = File.ReadAllText(workspace.Combine("site", "daily", "2026-02-10.html"));
        Assert.Contains("feat: &lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("https://example.com/b/daily/2026-02-10.html", File.ReadAllText(workspace.Combine("site", "feed.atom")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_site_entry_is_a_usage_error()
    {
        var config = workspace.WriteFile("gitbrief.yaml", "publish:\n  - type: site\n    base_url: javascript:alert(1)\n");

        var result = workspace.Cli("run", "--repo", repository.Path, "--date", "2026-02-10", "-c", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("base_url", result.Stderr, StringComparison.Ordinal);
    }
}
