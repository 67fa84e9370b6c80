using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Publishing;

/// <summary>The github-issue target through <c>gitbrief run</c> (a real child process) against the GitHub
/// simulator: one issue per repository-day, idempotent runs, updates in place, the size limit, closing old
/// report issues, failures (exit 4, one line) and the token kept out of every output.</summary>
public sealed class GitHubIssueTargetTests : IAsyncLifetime
{
    private const string Repository = "acme/briefs";
    private const string Day = "2026-01-12";
    private const string ReportUrl = "https://reports.example.com/{year}/{name}/{date}.md";
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("demo");
    private GitHubIssuesSimulator github = null!;
    private int minute;

    public async Task InitializeAsync() => github = await GitHubIssuesSimulator.StartAsync();

    public async Task DisposeAsync()
    {
        await github.DisposeAsync();
        repo.Dispose();
        workspace.Dispose();
    }

    private Dictionary<string, string> Environment => new() { ["GITHUB_TOKEN"] = github.Token };

    private void Configure(string language = "en", string extra = "")
    {
        workspace.WriteFile("gitbrief.yaml", $"""
            language: {language}
            timezone: Asia/Shanghai
            report_url: {ReportUrl}
            publish:
              - dir
              - type: github-issue
                repo: {Repository}
                api_url: {github.ApiBase}
            {extra}
            """);
    }

    private string Commit(string message, int lines = 3)
    {
        var n = minute++;
        repo.WriteLines($"src/file{n}.py", lines, $"value_{n} =");
        var at = new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.FromHours(8)).AddMinutes(n);
        return repo.Commit(message, at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
    }

    private CliResult Run(IReadOnlyDictionary<string, string>? environment = null) =>
        workspace.Cli(environment ?? Environment, "run", "--repo", repo.Path, "--date", Day);

    private static void AssertExit(int expected, CliResult result) => Assert.True(result.ExitCode == expected, result.ToString());

    /// <summary>The token is nowhere: not on stdout or stderr, not in any file of the workspace (reports, store).</summary>
    private void AssertTokenNowhere(params CliResult[] results)
    {
        foreach (var result in results)
        {
            Assert.DoesNotContain(github.Token, result.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(github.Token, result.Stderr, StringComparison.Ordinal);
        }
        var token = Encoding.UTF8.GetBytes(github.Token);
        foreach (var file in Directory.EnumerateFiles(workspace.Root, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(token) < 0, $"the token is in {file}");
        }
    }

    [Fact]
    public void A_run_creates_one_issue_with_the_title_the_labels_and_the_report_as_body()
    {
        Commit("feat: first feature");
        Commit("fix: a bug");
        Configure(language: "zh");

        var result = Run();

        AssertExit(0, result);
        var issue = Assert.Single(github.Issues(Repository));
        Assert.Equal($"仓库更新报告 ({Day})", issue.Title);
        Assert.Equal(["gitbrief", "daily-report"], issue.Labels);
        Assert.Equal("open", issue.State);
        Assert.Equal(workspace.Markdown("demo", Day), issue.Body);
        var create = Assert.Single(github.Writes);
        Assert.Equal(("POST", "/repos/acme/briefs/issues"), (create.Method, create.Path));
        Assert.All(github.Requests, r => Assert.Matches("^(?i:token|bearer) ", r.Authorization ?? ""));
        Assert.Contains("publish github-issue:acme/briefs: 1 delivered, 0 updated, 0 already there", result.Stderr, StringComparison.Ordinal);
        AssertTokenNowhere(result);
    }

    [Fact]
    public void A_second_run_changes_nothing_and_exits_0()
    {
        Commit("feat: first feature");
        Configure();
        AssertExit(0, Run());
        var writes = github.Writes.Count;

        var second = Run();

        AssertExit(0, second);
        Assert.Equal(writes, github.Writes.Count);
        Assert.Single(github.Issues(Repository));
        Assert.Contains("publish github-issue:acme/briefs: 0 delivered, 0 updated, 1 already there", second.Stderr, StringComparison.Ordinal);
        AssertTokenNowhere(second);
    }

    [Fact]
    public void Without_the_store_the_open_issue_with_the_same_title_is_found_and_nothing_is_created()
    {
        Commit("feat: first feature");
        Configure();
        AssertExit(0, Run());
        var writes = github.Writes.Count;
        Directory.Delete(workspace.Cache, recursive: true);

        var again = Run();

        AssertExit(0, again);
        Assert.Equal(writes, github.Writes.Count);
        var issue = Assert.Single(github.Issues(Repository));
        Assert.Equal($"Repository update report ({Day})", issue.Title);
        Assert.Contains("1 already there", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_open_issue_with_the_same_title_is_found_on_a_later_page_and_updated()
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 130; i++)
        {
            github.Seed(Repository, $"Repository update report (other {i})", "other", ["gitbrief", "daily-report"], now.AddHours(-i - 1));
        }
        var existing = github.Seed(Repository, $"Repository update report ({Day})", "stale body", ["gitbrief", "daily-report"], now.AddMinutes(-1));
        Commit("feat: first feature");
        Configure();

        var result = Run();

        AssertExit(0, result);
        var write = Assert.Single(github.Writes);
        Assert.Equal(("PATCH", $"/repos/acme/briefs/issues/{existing.Number}"), (write.Method, write.Path));
        Assert.Equal(workspace.Markdown("demo", Day), github.Issues(Repository).Single(i => i.Number == existing.Number).Body);
        Assert.Contains(github.Requests, r => r.Method == "GET" && r.Query.Contains("page=2", StringComparison.Ordinal));
        Assert.Contains("0 delivered, 1 updated, 0 already there", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_report_updates_the_body_of_the_same_issue()
    {
        Commit("feat: first feature");
        Configure();
        AssertExit(0, Run());
        Commit("fix: a later fix on the same day");

        var result = Run();

        AssertExit(0, result);
        var issue = Assert.Single(github.Issues(Repository));
        Assert.Contains("fix: a later fix on the same day", issue.Body, StringComparison.Ordinal);
        Assert.Equal(workspace.Markdown("demo", Day), issue.Body);
        var update = github.Writes[^1];
        Assert.Equal(("PATCH", "/repos/acme/briefs/issues/1"), (update.Method, update.Path));
        Assert.Equal(["body"], update.Json!.Select(p => p.Key));
        Assert.Single(github.Writes, w => w.Method == "POST");
        Assert.Contains("0 delivered, 1 updated, 0 already there", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversize_report_becomes_a_digest_under_the_limit_with_a_link_to_the_archived_report()
    {
        var body = string.Join("\n", Enumerable.Range(1, 24).Select(i => $"Detail line {i}: " + new string('x', 60)));
        for (var i = 0; i < 60; i++)
        {
            Commit($"chore: routine change number {i}\n\n{body}");
        }
        for (var i = 0; i < 3; i++)
        {
            Commit($"feat(core)!: large feature number {i}\n\nBREAKING CHANGE: the API changes.", lines: 700);
        }
        // The current tool's table cell (every line of each message) is what makes the report this long.
        Configure(extra: "format: {message: full}");

        var result = Run();

        AssertExit(0, result);
        var markdown = workspace.Markdown("demo", Day);
        Assert.True(markdown.Length > GitHubIssuesSimulator.MaxBodyLength, $"the report is only {markdown.Length} characters");
        var issue = Assert.Single(github.Issues(Repository));
        Assert.NotNull(issue.Body);
        Assert.InRange(issue.Body.Length, 1, GitHubIssuesSimulator.MaxBodyLength);
        Assert.StartsWith($"# demo · Daily Update Report ({Day})\n", issue.Body, StringComparison.Ordinal);
        Assert.Contains($"(https://reports.example.com/2026/demo/{Day}.md)", issue.Body, StringComparison.Ordinal);
        Assert.Contains("### 📊 Summary statistics", issue.Body, StringComparison.Ordinal);
        Assert.Contains("### 🔴 High importance changes (3)", issue.Body, StringComparison.Ordinal);
        // The day's digest: the high commits one line each, the low ones counted, not listed; no table.
        var listed = issue.Body.Split('\n').Where(l => (l.StartsWith("- `", StringComparison.Ordinal) || l.StartsWith("- [`", StringComparison.Ordinal)) && l.Contains("large feature number", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, listed.Count);
        Assert.DoesNotContain(issue.Body.Split('\n'), line => line.StartsWith('|'));
        Assert.DoesNotContain("routine change", issue.Body, StringComparison.Ordinal);
        Assert.Contains("… 60 more commits", issue.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Old_report_issues_are_closed_and_recent_ones_other_peoples_and_pull_requests_are_not()
    {
        var now = DateTimeOffset.UtcNow;
        var old = github.Seed(Repository, "Repository update report (2025-11-20)", "old", ["gitbrief", "daily-report"], now.AddDays(-40));
        var recent = github.Seed(Repository, "Repository update report (2026-01-05)", "recent", ["gitbrief", "daily-report"], now.AddDays(-5));
        var unlabelled = github.Seed(Repository, "Someone's bug report", "bug", ["bug"], now.AddDays(-90));
        var pullRequest = github.Seed(Repository, "A pull request", "pr", ["gitbrief", "daily-report"], now.AddDays(-90), pullRequest: true);
        var alreadyClosed = github.Seed(Repository, "Repository update report (2025-10-01)", "closed", ["gitbrief", "daily-report"], now.AddDays(-100), state: "closed");
        Commit("feat: first feature");
        Configure();

        var result = Run();

        AssertExit(0, result);
        var issues = github.Issues(Repository).ToDictionary(i => i.Number);
        Assert.Equal("closed", issues[old.Number].State);
        Assert.Equal("completed", issues[old.Number].StateReason);
        Assert.Equal("open", issues[recent.Number].State);
        Assert.Equal("open", issues[unlabelled.Number].State);
        Assert.Equal("open", issues[pullRequest.Number].State);
        Assert.Equal("closed", issues[alreadyClosed.Number].State);
        Assert.Equal("open", Assert.Single(issues.Values, i => i.Title == $"Repository update report ({Day})").State);
        var close = Assert.Single(github.Writes, w => w.Method == "PATCH");
        Assert.Equal($"/repos/acme/briefs/issues/{old.Number}", close.Path);
        Assert.Equal("""{"state":"closed","state_reason":"completed"}""", close.Body);
    }

    [Fact]
    public void Close_after_days_0_closes_nothing()
    {
        var old = github.Seed(Repository, "Repository update report (2025-11-20)", "old", ["gitbrief", "daily-report"], DateTimeOffset.UtcNow.AddDays(-400));
        Commit("feat: first feature");
        Configure(extra: "    close_after_days: 0");

        AssertExit(0, Run());

        Assert.Equal("open", github.Issues(Repository).Single(i => i.Number == old.Number).State);
    }

    [Fact]
    public void A_server_error_is_exit_4_with_one_line_while_the_report_files_are_written()
    {
        Commit("feat: first feature");
        Configure();
        github.Faults = _ => 502;

        var result = Run();

        AssertExit(4, result);
        Assert.True(workspace.ReportExists("demo", Day, "md"));
        Assert.True(workspace.ReportExists("demo", Day, "json"));
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("gitbrief: error:", StringComparison.Ordinal));
        Assert.StartsWith("gitbrief: error: publish github-issue:acme/briefs: ", error, StringComparison.Ordinal);
        Assert.Contains("502", error, StringComparison.Ordinal);
        Assert.Contains("publish dir: 1 delivered", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(github.Issues(Repository));
        AssertTokenNowhere(result);

        github.Faults = _ => null;
        var retry = Run();

        AssertExit(0, retry);
        Assert.Single(github.Issues(Repository));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_secondary_rate_limit_on_create_is_waited_out_and_the_issue_is_created_once(bool asHttpDate)
    {
        Commit("feat: first feature");
        Configure();
        // Whole seconds, as an HTTP date has: 2 to 3 s from now.
        var until = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3);
        var once = 0;
        github.SecondaryLimits = r => r.Method == "POST" && Interlocked.Exchange(ref once, 1) == 0
            ? asHttpDate ? new RetryConditionHeaderValue(until) : new RetryConditionHeaderValue(TimeSpan.FromSeconds(2))
            : null;

        var result = Run();

        AssertExit(0, result);
        Assert.Single(github.Issues(Repository));
        var posts = github.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        var waited = asHttpDate ? posts[1].ReceivedAt >= until : posts[1].ReceivedAt - posts[0].ReceivedAt >= TimeSpan.FromSeconds(2);
        Assert.True(waited, $"limited at {posts[0].ReceivedAt:HH:mm:ss.fff}, retried at {posts[1].ReceivedAt:HH:mm:ss.fff}");
        Assert.Contains("1 delivered, 0 updated, 0 already there", result.Stderr, StringComparison.Ordinal);
        AssertTokenNowhere(result);
    }

    [Fact]
    public void A_server_error_on_create_is_not_retried_so_no_issue_is_created_twice()
    {
        Commit("feat: first feature");
        Configure();
        github.Faults = r => r.Method == "POST" ? 502 : null;

        var result = Run();

        AssertExit(4, result);
        Assert.Single(github.Requests, r => r.Method == "POST");
        Assert.Contains("create issue in acme/briefs: GitHub answered 502 (Server Error)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_token_is_exit_4_naming_the_variable_but_never_the_token()
    {
        Commit("feat: first feature");
        Configure();
        var wrong = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "ghp_wrongToken0123456789abcdefABCDEF" };

        var result = Run(wrong);

        AssertExit(4, result);
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("gitbrief: error:", StringComparison.Ordinal));
        Assert.Contains("401", error, StringComparison.Ordinal);
        Assert.Contains("GITHUB_TOKEN", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_wrongToken", result.Stderr + result.Stdout, StringComparison.Ordinal);
        AssertTokenNowhere(result);
    }

    [Fact]
    public void Token_env_names_the_variable_and_the_title_template_is_filled_in()
    {
        Commit("feat: first feature");
        Configure(extra: """
                token_env: BRIEFS_TOKEN
                title: "Brief {name} {date} ({repository})"
                labels: [briefs]
            """);

        var result = Run(new Dictionary<string, string> { ["BRIEFS_TOKEN"] = github.Token });

        AssertExit(0, result);
        var issue = Assert.Single(github.Issues(Repository));
        Assert.Equal($"Brief demo {Day} (demo)", issue.Title);
        Assert.Equal(["briefs"], issue.Labels);
        AssertTokenNowhere(result);
    }

    [Fact]
    public void Several_repositories_get_one_issue_each_titled_with_the_repository()
    {
        using var other = TestRepository.Create("other");
        Commit("feat: first feature");
        other.Write("b.txt", "b\n").Commit("feat: other feature", "2026-01-12T11:00:00+08:00");
        Configure(language: "zh");

        var result = workspace.Cli(Environment, "run", "--repo", repo.Path, "--repo", other.Path, "--date", Day);

        AssertExit(0, result);
        Assert.Equal([$"demo 仓库更新报告 ({Day})", $"other 仓库更新报告 ({Day})"], github.Issues(Repository).Select(i => i.Title).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "    repo: acme/briefs\n", "needs a token")]
    [InlineData("GITHUB_TOKEN", "    repo: not-a-repo\n", "'repo' must be owner/name")]
    [InlineData("GITHUB_TOKEN", "    repo: acme/briefs\n    title: Daily brief\n", "'title' must contain {date}")]
    [InlineData("GITHUB_TOKEN", "    repo: acme/briefs\n    labels: []\n", "'labels' needs at least one label")]
    [InlineData("GITHUB_TOKEN", "    repo: acme/briefs\n    close_after_days: -1\n", "close_after_days")]
    public void Bad_settings_are_exit_2_with_file_and_line_before_anything_runs(string variable, string keys, string expected)
    {
        Commit("feat: first feature");
        workspace.WriteFile("gitbrief.yaml", "publish:\n  - type: github-issue\n" + keys);
        var environment = variable.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { [variable] = github.Token };

        var result = Run(environment);

        AssertExit(2, result);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^gitbrief: error: gitbrief\.yaml:\d+", line);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Out));
        Assert.Empty(github.Requests);
    }
}
