using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Configuration;

/// <summary>Tokens stay secret in transit and at rest, through the real command line: a GitHub token or a webhook
/// URL (its secret) is never sent over plain http to anything but loopback, and no configured URL may carry a
/// user name or password (which git would write into a clone's .git/config). An LLM endpoint named as http://
/// works, with a one-line warning.</summary>
public sealed class SecretTransportTests : IDisposable
{
    private const string Day = "2026-01-12";
    private const string Token = "ghp_SECRETtoken0123456789abcdef";
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("demo");

    public SecretTransportTests()
    {
        repo.WriteLines("src/app.py", 10).Commit("feat: app", $"{Day}T10:00:00+08:00");
    }

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    private static Dictionary<string, string> WithToken(params (string Key, string Value)[] more)
    {
        var environment = new Dictionary<string, string> { ["GITHUB_TOKEN"] = Token };
        foreach (var (key, value) in more)
        {
            environment[key] = value;
        }
        return environment;
    }

    /// <summary>Exit 2, one line, at the expected place, no secret echoed, nothing fetched into the cache.</summary>
    private void AssertRefused(CliResult result, string where, string fragment)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"gitbrief: error: {where}", line, StringComparison.Ordinal);
        Assert.Contains(fragment, line, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workspace.Cache, "mirrors")), "nothing may be cloned");
        Assert.False(Directory.Exists(workspace.Out), "nothing may be written");
    }

    [Theory]
    [InlineData("api_url: http://ghe.example.com/api/v3/\nrepositories:\n  - repo: acme/widgets\n    source: github-api\n", "gitbrief.yaml:1: ")]
    [InlineData("repositories:\n  - repo: acme/widgets\n    source: github-api\n    api_url: http://10.20.30.40/api/v3\n", "gitbrief.yaml:4: ")]
    [InlineData("repositories:\n  - repo: https://github.com/acme/widgets\n    enrich_pull_requests: true\n    api_url: http://ghe.example.com/api/v3/\n", "gitbrief.yaml:4: ")]
    public void A_GitHub_API_on_plain_http_off_loopback_is_refused_before_any_request(string yaml, string where)
    {
        workspace.WriteFile("gitbrief.yaml", yaml);

        var result = workspace.Cli(WithToken(), "report", "--date", Day);

        AssertRefused(result, where, "https");
    }

    [Fact]
    public void A_GitHub_issue_target_on_plain_http_off_loopback_is_refused()
    {
        workspace.WriteFile("gitbrief.yaml", "publish:\n  - type: github-issue\n    repo: acme/briefs\n    api_url: http://ghe.example.com/api/v3/\n");

        var result = workspace.Cli(WithToken(), "run", "--repo", repo.Path, "--date", Day);

        AssertRefused(result, "gitbrief.yaml:4: ", "https");
    }

    [Fact]
    public void A_webhook_URL_on_plain_http_off_loopback_is_refused()
    {
        workspace.WriteFile("gitbrief.yaml", "publish:\n  - type: webhook\n    flavor: slack\n    url_env: GB_HOOK\n");

        var result = workspace.Cli(WithToken(("GB_HOOK", "http://hooks.example.com/services/T0/B0/SECRETpath")), "run", "--repo", repo.Path, "--date", Day);

        AssertRefused(result, "gitbrief.yaml:4: ", "GB_HOOK");
        Assert.Contains("https", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_on_loopback_http_is_still_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync("json");
        workspace.WriteFile("gitbrief.yaml", "publish:\n  - type: webhook\n    flavor: json\n    url_env: GB_HOOK\n");

        var result = workspace.Cli(new Dictionary<string, string> { ["GB_HOOK"] = receiver.Url }, "run", "--repo", repo.Path, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(receiver.Messages);
    }

    [Theory]
    [InlineData("https://" + Token + "@github.com/acme/widgets.git")]
    [InlineData("https://x-access-token:" + Token + "@github.com/acme/widgets.git")]
    [InlineData("http://oauth2:" + Token + "@gitlab.example.com/acme/widgets.git")]
    [InlineData("ssh://git:" + Token + "@github.com/acme/widgets.git")]
    public void A_repository_URL_with_credentials_is_a_config_error_and_never_reaches_git(string url)
    {
        workspace.WriteFile("gitbrief.yaml", $"timezone: UTC\nrepositories:\n  - {url}\n");

        var result = workspace.Cli("report", "--date", Day);

        AssertRefused(result, "gitbrief.yaml:3: ", "user name or password");
    }

    [Fact]
    public void A_repository_URL_with_credentials_on_the_command_line_is_refused_too()
    {
        var result = workspace.Cli("report", "--repo", $"https://{Token}@github.com/acme/widgets.git", "--date", Day);

        AssertRefused(result, "--repo: ", "user name or password");
    }

    [Theory]
    [InlineData("git@github.com:acme/widgets.git")]
    [InlineData("ssh://git@github.com/acme/widgets.git")]
    public void An_ssh_user_name_is_not_a_secret(string url)
    {
        var address = Gitbrief.Sources.RepositoryAddress.Parse(url, workspace.Root);

        Assert.Equal("widgets", address.Name);
    }

    [Fact]
    public void A_git_archive_URL_with_a_token_as_user_name_is_refused()
    {
        workspace.WriteFile("gitbrief.yaml", $"publish:\n  - type: git\n    repo: https://{Token}@github.com/acme/briefs.git\n");

        var result = workspace.Cli("run", "--repo", repo.Path, "--date", Day);

        AssertRefused(result, "gitbrief.yaml:3: ", "user name or password");
    }

    [Fact]
    public void REPOSITORY_with_a_token_in_it_is_refused()
    {
        var result = workspace.Cli(new Dictionary<string, string> { ["REPOSITORY"] = $"https://{Token}@github.com/acme/briefs.git" },
            "run", "--repo", repo.Path, "--date", Day);

        AssertRefused(result, "the REPOSITORY environment variable ", "user name or password");
    }

    [Fact]
    public void An_LLM_base_URL_with_credentials_is_a_config_error()
    {
        workspace.WriteFile("gitbrief.yaml", $"llm:\n  model: m\n  base_url: https://user:{Token}@llm.example.com/v1\n");

        var result = workspace.Cli(new Dictionary<string, string> { ["LLM_API_KEY"] = "sk-test-key" }, "report", "--repo", repo.Path, "--date", Day, "--llm");

        AssertRefused(result, "gitbrief.yaml:3: ", "user name or password");
    }

    [Fact]
    public void LLM_BASE_URL_with_credentials_is_refused()
    {
        var environment = new Dictionary<string, string> { ["LLM_API_KEY"] = "sk-test-key", ["LLM_BASE_URL"] = $"https://{Token}@llm.example.com/v1" };

        var result = workspace.Cli(environment, "report", "--repo", repo.Path, "--date", Day, "--llm");

        AssertRefused(result, "LLM_BASE_URL: ", "user name or password");
    }

    [Fact]
    public void An_LLM_endpoint_named_as_http_is_allowed_with_a_one_line_warning()
    {
        // A day without commits: nothing is sent, so no network is needed to see the warning and the exit code.
        workspace.WriteFile("gitbrief.yaml", "llm:\n  model: m\n  base_url: http://vllm.internal.example:8000/v1\n");

        var result = workspace.Cli(new Dictionary<string, string> { ["LLM_API_KEY"] = "sk-test-key" }, "report", "--repo", repo.Path, "--date", "2026-01-11", "--llm");

        Assert.True(result.ExitCode == 0, result.ToString());
        var warning = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("gitbrief: warning: ", StringComparison.Ordinal));
        Assert.Contains("http://vllm.internal.example:8000", warning, StringComparison.Ordinal);
        Assert.Contains("unencrypted", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-key", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_LLM_endpoint_on_loopback_http_gives_no_warning()
    {
        workspace.WriteFile("gitbrief.yaml", "llm:\n  model: m\n  base_url: http://127.0.0.1:9/v1\n");

        var result = workspace.Cli(new Dictionary<string, string> { ["LLM_API_KEY"] = "sk-test-key" }, "report", "--repo", repo.Path, "--date", "2026-01-11", "--llm");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("warning", result.Stderr, StringComparison.Ordinal);
    }
}
