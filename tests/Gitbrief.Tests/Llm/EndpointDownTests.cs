using System.Globalization;
using System.Text.RegularExpressions;
using Gitbrief.Analysis.Llm;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Llm;

/// <summary>An LLM endpoint that is down is noticed after a few connection failures and not asked again: every commit
/// falls back to the rules at once. A prompt over the server's context length is tried once more at half the budget.</summary>
public sealed partial class EndpointDownTests
{
    [Fact]
    public async Task An_unreachable_endpoint_is_given_up_after_a_few_connection_failures()
    {
        await using var s = await LlmScenario.CreateAsync(commits: 8);
        var config = s.Workspace.WriteFile("gitbrief.yaml", $"analysis: llm\nllm:\n  base_url: http://127.0.0.1:{SmtpServer.FreePort()}/v1\n  model: sim-model\n");

        var result = s.Workspace.Cli(new Dictionary<string, string>(s.Environment), "report", "--repo", s.Repository.Path, "--date", LlmScenario.Day, "--config", config);

        Assert.True(result.ExitCode == ExitCodes.LlmFallback, result.ToString());
        Assert.All(ReportAssert.Commits(s.Json()), c => Assert.Equal("rules", LlmScenario.Source(c)));
        var requests = int.Parse(RequestCount().Match(result.Stderr).Groups[1].Value, CultureInfo.InvariantCulture);
        // Without the breaker: 8 commits × 5 attempts with back-off (45 requests, 38 s). With it: the requests already
        // on their way when the third failure comes back, and at most the retries whose back-off ended before it came
        // back (none on an idle machine; a loaded one may send the first commit's retry before the others fail).
        var retries = int.Parse(RetryCount().Match(result.Stderr).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(retries, 0, EndpointBreaker.Threshold - 1);
        Assert.InRange(requests, 1, 8 + retries);
        Assert.Contains("not asked again in this run", result.Stderr, StringComparison.Ordinal);
        // Every commit and the day's highlights fell back.
        Assert.Equal(9, result.Stderr.Split('\n').Count(l => l.StartsWith("gitbrief: warning: LLM analysis failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_prompt_over_the_servers_context_length_is_sent_again_at_half_the_budget()
    {
        await using var s = await LlmScenario.CreateAsync(commits: 0);
        for (var i = 0; i < 20; i++)
        {
            s.Repository.WriteLines($"src/big/part{i}.py", 300, $"def function_{i}_line():  # a long line of code to fill tokens");
        }
        var sha = s.Repository.Commit("feat: a huge change", "2026-02-10T10:00:00+08:00");
        const int budget = 8_000;
        s.Settings = new LlmSettings { MaxInputTokens = budget, MaxOutputTokens = 1_000 };
        // The server's real context is smaller than max_input_tokens says.
        s.Simulator.ContextLimit = 6_000;

        var summary = await s.RunAsync();

        Assert.Equal(ExitCodes.Success, summary.ExitCode);
        var requests = s.CommitRequests(sha);
        Assert.Equal(2, requests.Count);
        Assert.True(requests[0].InputTokens + 1_000 > 6_000, "the first request should be over the server's context");
        Assert.InRange(requests[1].InputTokens, budget / 4, budget / 2);
        Assert.Equal("llm", LlmScenario.Source(ReportAssert.CommitBySha(s.Json(), sha)));
    }

    [GeneratedRegex(@"llm: (\d+) request\(s\)")]
    private static partial Regex RequestCount();

    [GeneratedRegex(@" (\d+) retries, ")]
    private static partial Regex RetryCount();
}
