using Gitbrief.Tests.Llm;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Cli;

/// <summary>What users of the previous tool do out of habit, through the real command line: its config.yaml in the
/// current directory, its --enable-analysis flag, its REPOSITORY variable naming where reports are committed.</summary>
public sealed class OldHabitsTests : IDisposable
{
    private const string Day = "2026-01-12";
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("demo");

    public OldHabitsTests()
    {
        repo.WriteLines("src/app.py", 30).Commit("feat: add the app", $"{Day}T10:00:00+08:00");
    }

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void The_old_config_yaml_is_read_when_there_is_no_gitbrief_yaml_with_a_one_line_notice()
    {
        // The previous tool's keys: no table of contents, and thresholds that make every commit "low".
        workspace.WriteFile("config.yaml", "format:\n  enable_toc: false\nimportance:\n  thresholds: {high: 50, medium: 40}\nllm:\n  timeout: 30\n");

        var result = workspace.Cli("report", "--repo", repo.Path, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = workspace.Markdown("demo", Day);
        Assert.DoesNotContain("## 📋 目录", markdown, StringComparison.Ordinal);
        Assert.Equal(1, workspace.Json("demo", Day).GetProperty("stats").GetProperty("low").GetInt32());
        var notice = Assert.Single(Lines(result.Stderr), l => l.Contains("config.yaml", StringComparison.Ordinal));
        Assert.StartsWith("gitbrief: notice: ", notice, StringComparison.Ordinal);
        Assert.Contains("gitbrief.yaml", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_gitbrief_yaml_the_old_config_yaml_is_not_read()
    {
        workspace.WriteFile("config.yaml", "format:\n  enable_toc: false\n");
        workspace.WriteFile("gitbrief.yaml", "timezone: Asia/Shanghai\n");

        var result = workspace.Cli("report", "--repo", repo.Path, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("## 📋 目录", workspace.Markdown("demo", Day), StringComparison.Ordinal);
        Assert.DoesNotContain("config.yaml", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_yaml_of_some_other_tool_is_left_alone_with_a_notice()
    {
        // (Not "server:": that is a Gitbrief key now, gitbrief-server's section.)
        workspace.WriteFile("config.yaml", "http:\n  port: 8080\ndatabase: postgres://localhost/app\n");

        var result = workspace.Cli("report", "--repo", repo.Path, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(workspace.ReportExists("demo", Day));
        var notice = Assert.Single(Lines(result.Stderr), l => l.Contains("config.yaml", StringComparison.Ordinal));
        Assert.StartsWith("gitbrief: notice: config.yaml:1: ", notice, StringComparison.Ordinal);
        Assert.Contains("'http'", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enable_analysis_is_accepted_as_llm()
    {
        await using var s = await LlmScenario.CreateAsync(commits: 2);
        var environment = new Dictionary<string, string>(s.Environment) { ["LLM_BASE_URL"] = s.Simulator.BaseUrl, ["LLM_MODEL"] = "sim-model" };

        var result = s.Workspace.Cli(environment, "report", "--repo", s.Repository.Path, "--date", LlmScenario.Day, "--enable-analysis");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotEmpty(s.Simulator.Requests);
        Assert.All(s.Json().GetProperty("commits").EnumerateArray(), c => Assert.Equal("llm", LlmScenario.Source(c)));
    }

    [Fact]
    public void REPOSITORY_is_where_run_commits_the_reports_when_no_publish_list_is_configured()
    {
        using var archiveRoot = new TempDirectory("gitbrief-archive");
        var archive = TestRepository.CreateArchive(archiveRoot);

        var result = workspace.Cli(new Dictionary<string, string> { ["REPOSITORY"] = archive }, "run", "--repo", repo.Path, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Report: demo - 2026-01-12", GitProcess.Run(archive, "log", "-1", "--format=%s", "main"));
        Assert.Contains("feat: add the app", GitProcess.Run(archive, "show", $"main:reports/2026/demo/{Day}.md"), StringComparison.Ordinal);
        Assert.True(workspace.ReportExists("demo", Day), "the output directory is still written");
        Assert.Contains("publish git:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_git_target_without_repo_takes_REPOSITORY()
    {
        using var archiveRoot = new TempDirectory("gitbrief-archive");
        var archive = TestRepository.CreateArchive(archiveRoot);
        workspace.WriteFile("gitbrief.yaml", "publish:\n  - type: git\n    path: briefs\n");

        var result = workspace.Cli(new Dictionary<string, string> { ["REPOSITORY"] = archive }, "run", "--repo", repo.Path, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("feat: add the app", GitProcess.Run(archive, "show", $"main:briefs/2026/demo/{Day}.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_git_target_without_repo_and_without_REPOSITORY_is_a_config_error()
    {
        workspace.WriteFile("gitbrief.yaml", "publish:\n  - type: git\n");

        var result = workspace.Cli("run", "--repo", repo.Path, "--date", Day);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("gitbrief.yaml:2: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("REPOSITORY", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ignores_REPOSITORY()
    {
        using var archiveRoot = new TempDirectory("gitbrief-archive");
        var archive = archiveRoot.Combine("none.git");

        var result = workspace.Cli(new Dictionary<string, string> { ["REPOSITORY"] = archive }, "report", "--repo", repo.Path, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(Directory.Exists(archive));
    }
}
