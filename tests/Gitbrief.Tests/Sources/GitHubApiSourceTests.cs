using System.Globalization;
using System.Text.Json;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Sources;

/// <summary>source: github-api end to end: a real repository is served by the GitHub simulator and reported
/// both through the API and through git; pagination, the ETag cache, rate limits, truncated file lists,
/// missing patches, pull-request enrichment and the token's secrecy.</summary>
public sealed class GitHubApiSourceTests : IAsyncLifetime
{
    private const string Day = "2026-01-12";
    private const string Token = "ghp_SIMULATED_secret_4f9c2e7a1b";

    private readonly TestRepository repo = TestRepository.Create("demo");
    private readonly ReportWorkspace api = new();
    private readonly ReportWorkspace git = new();
    private GitHubCommitsSimulator simulator = null!;

    public async Task InitializeAsync() => simulator = await GitHubCommitsSimulator.StartAsync();

    public async Task DisposeAsync()
    {
        await simulator.DisposeAsync();
        api.Dispose();
        git.Dispose();
        repo.Dispose();
    }

    /// <summary>A day of typical work (adds, edits, a rename, a deletion, a side branch and its merge, a PR
    /// number in a title, CJK text) between commits of the days before and after.</summary>
    private Dictionary<string, string> BuildHistory()
    {
        var shas = new Dictionary<string, string>();
        repo.WriteLines("src/app.py", 10, "app =").WriteLines("src/util.py", 12, "util =").Write("docs/old.md", "# old\n");
        shas["before"] = repo.Commit("feat: initial layout", "2026-01-11T23:30:00+08:00");
        repo.WriteLines("src/app.py", 14, "app =").WriteLines("tests/test_app.py", 6, "assert");
        shas["edit"] = repo.Commit("fix(app): handle empty input\n\nLonger body.\n\nSigned-off-by: Ada <ada@example.com>",
            "2026-01-11T20:00:00-05:00", "2026-01-12T09:05:00+08:00");
        repo.Move("src/util.py", "src/helpers.py").Write("src/helpers.py", string.Concat(Enumerable.Range(1, 12).Select(i => $"util = {i}\n")) + "extra = 1\n");
        shas["rename"] = repo.Commit("refactor: rename util to helpers (#42)", "2026-01-12T10:00:00+08:00");
        repo.Delete("docs/old.md");
        shas["delete"] = repo.Commit("docs: 删除过时的文档", "2026-01-12T10:30:00+08:00");
        repo.Checkout("feature", create: true).WriteLines("src/feature.py", 30, "feature =");
        shas["side"] = repo.Commit("feat: add the feature module", "2026-01-12T11:00:00+08:00");
        repo.Checkout("main").Write("README.md", "# demo\n");
        shas["main"] = repo.Commit("docs: readme", "2026-01-12T11:30:00+08:00");
        shas["merge"] = repo.Merge("feature", "Merge branch 'feature'", "2026-01-12T12:00:00+08:00");
        repo.WriteBytes("assets/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0x00]);
        shas["binary"] = repo.Commit("chore: logo", "2026-01-12T13:00:00+08:00");
        repo.WriteLines("src/app.py", 16, "app =");
        shas["after"] = repo.Commit("feat: tomorrow's work", "2026-01-13T00:10:00+08:00");
        return shas;
    }

    private GitbriefConfig ApiConfig(bool firstParent = false, bool enrich = false) => new()
    {
        Repositories = [new RepositoryEntry("acme/demo", Origin: "test:1", Source: "github-api", ApiUrl: simulator.BaseUrl, EnrichPullRequests: enrich)],
        TimeZone = "Asia/Shanghai",
        FirstParent = firstParent,
    };

    private Task<RunSummary> RunApiAsync(GitbriefConfig? config = null, IReadOnlyDictionary<string, string>? environment = null, string date = Day) =>
        api.RunAsync(new ReportArguments { Date = date }, config ?? ApiConfig(), environment);

    private static IReadOnlyDictionary<string, string> WithToken => new Dictionary<string, string> { ["GITHUB_TOKEN"] = Token };

    [Fact]
    public async Task GitHubApi_report_equals_the_git_report_of_the_same_history()
    {
        var shas = BuildHistory();
        simulator.AddFromGit("acme", "demo", repo.Path);

        foreach (var firstParent in new[] { false, true })
        {
            var viaApi = await RunApiAsync(ApiConfig(firstParent));
            var viaGit = await git.RunAsync(new ReportArguments { Repositories = [repo.Path], Date = Day, TimeZone = "Asia/Shanghai", FirstParent = firstParent });
            Assert.Equal(0, viaApi.ExitCode);
            Assert.Equal(0, viaGit.ExitCode);

            var a = api.Json("demo", Day);
            var g = git.Json("demo", Day);
            Assert.Equal(ReportAssert.Shas(g), ReportAssert.Shas(a));
            Assert.Equal(g.GetProperty("stats").GetRawText(), a.GetProperty("stats").GetRawText());
            Assert.Equal("main", a.GetProperty("repository").GetProperty("branch").GetString());
            Assert.Equal("acme/demo", a.GetProperty("repository").GetProperty("name").GetString());
            Assert.Equal("https://github.com/acme/demo", a.GetProperty("repository").GetProperty("url").GetString());
            foreach (var (ac, gc) in ReportAssert.Commits(a).Zip(ReportAssert.Commits(g)))
            {
                Assert.Equal(gc.GetProperty("message").GetString()!.TrimEnd('\n'), ac.GetProperty("message").GetString()!.TrimEnd('\n'));
                foreach (var field in new[] { "title", "author", "committer", "parents", "pullRequest", "importance", "score", "changeTypes", "files" })
                {
                    Assert.Equal(gc.GetProperty(field).GetRawText(), ac.GetProperty(field).GetRawText());
                }
                // Same instants; the API gives them in UTC instead of the commit's own offset.
                foreach (var field in new[] { "authoredAt", "committedAt" })
                {
                    Assert.Equal(Instant(gc.GetProperty(field)), Instant(ac.GetProperty(field)));
                    Assert.EndsWith("+00:00", ac.GetProperty(field).GetString(), StringComparison.Ordinal);
                }
                Assert.StartsWith("https://github.com/acme/demo/commit/", ac.GetProperty("url").GetString(), StringComparison.Ordinal);
            }
            var listed = ReportAssert.Shas(a);
            Assert.Equal(firstParent, listed.Contains(shas["merge"]));
            Assert.Equal(!firstParent, listed.Contains(shas["side"]));
            Assert.DoesNotContain(shas["before"], listed);
            Assert.DoesNotContain(shas["after"], listed);
            Assert.Contains(shas["edit"], listed);
            Assert.Equal("https://github.com/acme/demo/pull/42", ReportAssert.CommitBySha(a, shas["rename"]).GetProperty("pullRequestUrl").GetString());
        }
    }

    [Fact]
    public async Task GitHubApi_pages_are_followed_through_Link_headers()
    {
        for (var i = 0; i < 7; i++)
        {
            repo.Write($"f{i}.txt", $"{i}\n").Commit($"commit {i}", $"2026-01-12T1{i}:00:00+08:00");
        }
        simulator.AddFromGit("acme", "demo", repo.Path);
        simulator.MaxPerPage = 2;

        Assert.Equal(0, (await RunApiAsync()).ExitCode);

        Assert.Equal(7, ReportAssert.Shas(api.Json("demo", Day)).Count);
        var lists = simulator.Requests.Where(r => r.PathOnly == "/repos/acme/demo/commits").ToList();
        Assert.Equal(4, lists.Count);
        Assert.Contains(lists, r => r.Path.Contains("page=4", StringComparison.Ordinal));
        Assert.All(lists, r => Assert.Contains("sha=main", r.Path, StringComparison.Ordinal));
        Assert.Equal(7, simulator.Requests.Count(r => r.PathOnly.StartsWith("/repos/acme/demo/commits/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GitHubApi_latest_reports_the_day_of_the_newest_commit()
    {
        var shas = BuildHistory();
        simulator.AddFromGit("acme", "demo", repo.Path);

        var summary = await api.RunAsync(new ReportArguments { Latest = true }, ApiConfig());

        Assert.Equal(0, summary.ExitCode);
        Assert.Equal([shas["after"]], ReportAssert.Shas(api.Json("demo", "2026-01-13")));
    }

    [Fact]
    public async Task GitHubApi_second_run_sends_If_None_Match_and_gets_304s()
    {
        BuildHistory();
        simulator.AddFromGit("acme", "demo", repo.Path);
        Assert.Equal(0, (await RunApiAsync()).ExitCode);
        var first = api.OutputFiles();
        var firstCount = simulator.Requests.Count;
        var remaining = simulator.RateLimitRemaining;
        Assert.All(simulator.Requests, r => Assert.Null(r.IfNoneMatch));

        Assert.Equal(0, (await RunApiAsync()).ExitCode);

        var second = simulator.Requests.Skip(firstCount).ToList();
        Assert.Equal(firstCount, second.Count);
        Assert.All(second, r =>
        {
            Assert.NotNull(r.IfNoneMatch);
            Assert.Equal(304, r.Status);
        });
        Assert.Equal(remaining, simulator.RateLimitRemaining);
        Assert.Equal(first, api.OutputFiles());
        Assert.True(Directory.EnumerateFiles(Path.Combine(api.Cache, "github-api"), "*.json", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task GitHubApi_secondary_limit_and_server_error_are_retried_after_the_wait()
    {
        BuildHistory();
        simulator.AddFromGit("acme", "demo", repo.Path);
        var limited = 0;
        var failed = 0;
        simulator.Faults = r =>
            r.PathOnly.StartsWith("/repos/acme/demo/commits/", StringComparison.Ordinal) && Interlocked.Exchange(ref limited, 1) == 0 ? GitHubFault.SecondaryLimit(1)
            : r.PathOnly == "/repos/acme/demo/commits" && Interlocked.Exchange(ref failed, 1) == 0 ? GitHubFault.Error(502)
            : null;

        Assert.Equal(0, (await RunApiAsync()).ExitCode);

        var requests = simulator.Requests;
        var limit = Assert.Single(requests, r => r.Status == 403);
        var retry = requests.First(r => r.Index > limit.Index && r.Path == limit.Path);
        Assert.Equal(200, retry.Status);
        Assert.True(retry.ReceivedAt - limit.ReceivedAt >= TimeSpan.FromSeconds(1), $"retried after {(retry.ReceivedAt - limit.ReceivedAt).TotalMilliseconds} ms");
        var error = Assert.Single(requests, r => r.Status == 502);
        Assert.Contains(requests, r => r.Index > error.Index && r.Path == error.Path && r.Status == 200);
        Assert.Equal(6, ReportAssert.Shas(api.Json("demo", Day)).Count);
    }

    [Fact]
    public async Task GitHubApi_exhausted_rate_limit_waits_for_the_reset_or_fails_clearly_when_it_is_far()
    {
        BuildHistory();
        simulator.AddFromGit("acme", "demo", repo.Path);
        var once = 0;
        simulator.Faults = r => r.PathOnly == "/repos/acme/demo" && Interlocked.Exchange(ref once, 1) == 0 ? GitHubFault.PrimaryLimit(TimeSpan.FromSeconds(2)) : null;

        Assert.Equal(0, (await RunApiAsync()).ExitCode);
        var limit = Assert.Single(simulator.Requests, r => r.Status == 403);
        var retry = simulator.Requests.First(r => r.Index > limit.Index);
        Assert.True(retry.ReceivedAt - limit.ReceivedAt >= TimeSpan.FromSeconds(1), $"retried after {(retry.ReceivedAt - limit.ReceivedAt).TotalMilliseconds} ms");

        simulator.Faults = _ => GitHubFault.PrimaryLimit(TimeSpan.FromHours(1));
        var summary = await RunApiAsync(date: "2026-01-13");
        Assert.Equal(ExitCodes.RepositoryFailed, summary.ExitCode);
        var message = Assert.Single(summary.Repositories).Error!;
        Assert.Contains("rate limit exhausted until", message, StringComparison.Ordinal);
        Assert.Contains("GITHUB_TOKEN", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public async Task GitHubApi_truncated_file_lists_are_noted_in_the_report()
    {
        for (var i = 0; i < 305; i++)
        {
            repo.Write($"gen/file{i:D3}.txt", $"{i}\n");
        }
        var big = repo.Commit("chore: regenerate 305 files", "2026-01-12T09:00:00+08:00");
        simulator.AddFromGit("acme", "demo", repo.Path);

        Assert.Equal(0, (await RunApiAsync()).ExitCode);
        Assert.Equal(0, (await git.RunAsync(new ReportArguments { Repositories = [repo.Path], Date = Day })).ExitCode);

        var viaApi = ReportAssert.CommitBySha(api.Json("demo", Day), big);
        Assert.Equal(300, viaApi.GetProperty("files").GetArrayLength());
        Assert.True(viaApi.GetProperty("filesTruncated").GetBoolean());
        Assert.Contains("> ⚠️ GitHub API 只列出了前 300 个文件", api.Markdown("demo", Day), StringComparison.Ordinal);
        var viaGit = ReportAssert.CommitBySha(git.Json("demo", Day), big);
        Assert.Equal(305, viaGit.GetProperty("files").GetArrayLength());
        Assert.False(viaGit.TryGetProperty("filesTruncated", out _));
    }

    [Fact]
    public async Task GitHubApi_patches_reach_the_LLM_and_a_missing_patch_is_named()
    {
        repo.WriteLines("src/small.py", 5, "small =").WriteLines("src/big_table.py", 400, "row =");
        var sha = repo.Commit("feat: small module and a big table", "2026-01-12T09:00:00+08:00");
        simulator.AddFromGit("acme", "demo", repo.Path);
        simulator.MaxPatchLength = 1_000;
        await using var chat = await ChatSimulator.StartAsync();
        var config = ApiConfig() with { Analysis = "llm", Llm = new LlmSettings { BaseUrl = chat.BaseUrl, Model = "sim-model" } };

        var summary = await RunApiAsync(config, new Dictionary<string, string> { ["LLM_API_KEY"] = "sk-sim-key-1234" });

        Assert.Equal(0, summary.ExitCode);
        var prompt = Assert.Single(chat.Requests, r => r.Sha == sha).Messages[^1].Content;
        Assert.Contains("src/big_table.py (patch not provided by the API)", prompt, StringComparison.Ordinal);
        Assert.Contains("+++ b/src/small.py\n@@ -0,0 +1,5 @@\n+small = 1\n", prompt, StringComparison.Ordinal);
        var file = ReportAssert.FileByPath(ReportAssert.CommitBySha(api.Json("demo", Day), sha), "src/big_table.py");
        Assert.Equal(400, file.GetProperty("additions").GetInt32());
        Assert.False(file.GetProperty("binary").GetBoolean());
    }

    [Fact]
    public async Task GitHubApi_pull_requests_fill_number_title_and_labels_for_both_sources()
    {
        var shas = BuildHistory();
        repo.Git("remote", "add", "origin", "https://github.com/acme/demo.git");
        var served = simulator.AddFromGit("acme", "demo", repo.Path);
        simulator.RequiredToken = Token;
        served.PullRequests[shas["edit"]] = [new SimulatedPullRequest(7, "Handle empty input", ["bug", "area: app"], DateTimeOffset.Parse("2026-01-12T01:10:00Z", CultureInfo.InvariantCulture))];
        served.PullRequests[shas["rename"]] =
        [
            new SimulatedPullRequest(41, "An open one", [], null, "open"),
            new SimulatedPullRequest(42, "Rename util", ["refactor"], DateTimeOffset.Parse("2026-01-12T02:10:00Z", CultureInfo.InvariantCulture)),
        ];

        Assert.Equal(0, (await RunApiAsync(ApiConfig(enrich: true), WithToken)).ExitCode);
        var gitConfig = new GitbriefConfig { ApiUrl = simulator.BaseUrl, EnrichPullRequests = true, TimeZone = "Asia/Shanghai" };
        Assert.Equal(0, (await git.RunAsync(new ReportArguments { Repositories = [repo.Path], Date = Day }, gitConfig, WithToken)).ExitCode);

        foreach (var report in new[] { api.Json("demo", Day), git.Json("demo", Day) })
        {
            var edit = ReportAssert.CommitBySha(report, shas["edit"]);
            Assert.Equal(7, edit.GetProperty("pullRequest").GetInt32());
            Assert.Equal("Handle empty input", edit.GetProperty("pullRequestTitle").GetString());
            Assert.Equal(["bug", "area: app"], edit.GetProperty("pullRequestLabels").EnumerateArray().Select(l => l.GetString()!).ToArray());
            Assert.Equal("https://github.com/acme/demo/pull/7", edit.GetProperty("pullRequestUrl").GetString());
            var rename = ReportAssert.CommitBySha(report, shas["rename"]);
            Assert.Equal(42, rename.GetProperty("pullRequest").GetInt32());
            Assert.Equal("Rename util", rename.GetProperty("pullRequestTitle").GetString());
            var plain = ReportAssert.CommitBySha(report, shas["main"]);
            Assert.Equal(JsonValueKind.Null, plain.GetProperty("pullRequest").ValueKind);
            Assert.False(plain.TryGetProperty("pullRequestTitle", out _));
        }
        Assert.Contains("[PR #7](https://github.com/acme/demo/pull/7) Handle empty input · bug、area: app", api.Markdown("demo", Day), StringComparison.Ordinal);
        Assert.All(simulator.Requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
    }

    [Fact]
    public async Task GitHubApi_token_never_appears_in_output_errors_or_files()
    {
        BuildHistory();
        simulator.AddFromGit("acme", "demo", repo.Path);
        simulator.RequiredToken = Token;
        var config = api.WriteFile("gitbrief.yaml", $"""
            timezone: Asia/Shanghai
            enrich_pull_requests: true
            repositories:
              - repo: acme/demo
                source: github-api
                api_url: {simulator.BaseUrl}
            """);

        var ok = api.Cli(WithToken, "report", "--date", Day, "--config", config);
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.All(simulator.Requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));

        var wrong = api.Cli(new Dictionary<string, string> { ["TOKEN"] = Token + "-revoked" }, "report", "--date", Day, "--config", config);
        Assert.Equal(ExitCodes.RepositoryFailed, wrong.ExitCode);
        Assert.Contains("401 Bad credentials", wrong.Stderr + wrong.Stdout, StringComparison.Ordinal);

        foreach (var result in new[] { ok, wrong })
        {
            Assert.DoesNotContain(Token, result.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, result.Stderr, StringComparison.Ordinal);
        }
        foreach (var file in Directory.EnumerateFiles(api.Root, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Token, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GitHubApi_source_for_a_repository_not_on_GitHub_exits_2_with_file_and_line()
    {
        var config = api.WriteFile("gitbrief.yaml", """
            source: github-api
            repositories:
              - acme/demo
              - repo: https://gitlab.com/acme/other.git
            """);

        var result = api.Cli("report", "--date", Day, "--config", config);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("gitbrief.yaml:4: source: github-api needs a GitHub repository", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Empty(simulator.Requests);

        var local = api.WriteFile("local.yaml", $"""
            repositories:
              - repo: {repo.Path}
                source: github-api
            """);
        var second = api.Cli("report", "--date", Day, "--config", local);
        Assert.Equal(ExitCodes.Usage, second.ExitCode);
        Assert.Contains("local.yaml:2: source: github-api needs a GitHub repository", second.Stderr, StringComparison.Ordinal);
    }

    private static DateTimeOffset Instant(JsonElement value) => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture);
}
