using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Cli;

/// <summary>The errors a new user meets first, through the real command line: each is one line that says what
/// is wrong and where (config errors with file:line, exit 2), never "this is a bug".</summary>
public sealed class FirstErrorsTests : IDisposable
{
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("demo");

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    private static string AssertOneLineUsageError(CliResult result)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("gitbrief: error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("bug", line, StringComparison.Ordinal);
        return line;
    }

    [Theory]
    [InlineData("importance:\n  thresholds: {high: 10, medium: 6\nformat:\n  enable_toc: true\n", 2)]
    [InlineData("repositories:\n  - repo: a\n    branch: {main\ntimezone: UTC\n", 3)]
    [InlineData("timezone: UTC\nllm: {model: x\n", 2)]
    [InlineData("timezone: UTC\nrepositories: [a, b\n", 2)]
    public void An_unclosed_brace_is_a_config_error_at_the_line_that_opens_it(string yaml, int line)
    {
        workspace.WriteFile("gitbrief.yaml", yaml);

        var result = workspace.Cli("report", "--repo", repo.Path, "--date", "2026-01-12");

        var error = AssertOneLineUsageError(result);
        Assert.StartsWith($"gitbrief: error: gitbrief.yaml:{line}: invalid YAML", error, StringComparison.Ordinal);
        Assert.Contains("never closed", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reprot", "report")]
    [InlineData("rnu", "run")]
    [InlineData("sevre", "serve")]
    public void A_mistyped_command_suggests_the_right_one(string typed, string meant)
    {
        var result = CliRunner.Run(workspace.Root, typed, "--date", "2026-01-12");

        var error = AssertOneLineUsageError(result);
        Assert.Contains($"unknown command '{typed}'", error, StringComparison.Ordinal);
        Assert.Contains($"did you mean '{meant}'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_at_all_names_the_commands()
    {
        var result = CliRunner.Run(workspace.Root);

        var error = AssertOneLineUsageError(result);
        Assert.Contains("report", error, StringComparison.Ordinal);
        Assert.Contains("run", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Llm_without_a_key_names_LLM_API_KEY_once()
    {
        repo.Write("a.txt", "a\n").Commit("feat: a", "2026-01-12T10:00:00+08:00");

        var result = workspace.Cli("report", "--repo", repo.Path, "--date", "2026-01-12", "--llm");

        var error = AssertOneLineUsageError(result);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(error, "LLM_API_KEY"));
    }

    [Fact]
    public void Llm_without_a_key_names_the_configured_variable_and_the_standard_one()
    {
        workspace.WriteFile("gitbrief.yaml", "llm:\n  api_key_env: DEEPSEEK_KEY\n");

        var result = workspace.Cli("report", "--repo", repo.Path, "--date", "2026-01-12", "--llm");

        var error = AssertOneLineUsageError(result);
        Assert.Contains("set DEEPSEEK_KEY (or LLM_API_KEY)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("repositories: 5\n")]
    [InlineData("repositories: sgl-project/sglang\n")]
    [InlineData("repos: true\n")]
    public void Repositories_that_are_not_a_list_are_a_config_error(string yaml)
    {
        workspace.WriteFile("gitbrief.yaml", yaml);

        var result = workspace.Cli("report", "--date", "2026-01-12");

        var error = AssertOneLineUsageError(result);
        Assert.StartsWith("gitbrief: error: gitbrief.yaml:1: ", error, StringComparison.Ordinal);
        Assert.Contains("must be a list", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Out));
    }

    [Fact]
    public void An_empty_repository_gets_an_empty_report_and_exit_0()
    {
        using var directory = new TempDirectory();
        var empty = directory.CreateSubdirectory("fresh");
        GitProcess.Run(empty, "init", "-q", "-b", "trunk");

        var result = workspace.Cli("report", "--repo", empty, "--date", "2026-01-12");

        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = workspace.Markdown("fresh", "2026-01-12");
        Assert.Contains("本日无提交", markdown, StringComparison.Ordinal);
        Assert.Contains("trunk", markdown, StringComparison.Ordinal);
        Assert.Equal(0, workspace.Json("fresh", "2026-01-12").GetProperty("stats").GetProperty("total").GetInt32());
    }

    [Fact]
    public void Latest_on_an_empty_repository_reports_yesterday_as_empty_and_exits_0()
    {
        using var directory = new TempDirectory();
        var empty = directory.CreateSubdirectory("fresh");
        GitProcess.Run(empty, "init", "-q", "-b", "main");

        var result = workspace.Cli("report", "--repo", empty, "--latest", "--tz", "UTC");

        Assert.True(result.ExitCode == 0, result.ToString());
        var yesterday = ReportWorkspace.Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        Assert.True(workspace.ReportExists("fresh", yesterday), result.ToString());
    }

    [Fact]
    public void An_empty_bare_mirror_gets_an_empty_report_too()
    {
        using var directory = new TempDirectory();
        var bare = Path.Combine(directory.Path, "fresh.git");
        GitProcess.Run(directory.Path, "init", "-q", "--bare", "-b", "main", bare);

        var result = workspace.Cli("report", "--repo", new Uri(bare).AbsoluteUri, "--date", "2026-01-12");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(workspace.ReportExists("fresh", "2026-01-12"), result.ToString());
    }
}
