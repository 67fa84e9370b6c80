using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Cli;

/// <summary>The real command line as a child process: exit codes, one-line errors, stdout/stderr contracts.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("demo");

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    private static void AssertUsageError(CliResult result, string expectedFragment)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("gitbrief: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expectedFragment, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    private void AssertNothingWritten()
    {
        Assert.False(Directory.Exists(workspace.Out), "no report may be written on a usage error");
    }

    [Fact]
    public void Report_of_a_day_writes_md_and_json_and_exits_0()
    {
        var sha = repo.Write("a.txt", "a\n").Commit("feat: first feature", "2026-01-12T10:00:00+08:00");

        var result = workspace.Cli("report", "--repo", repo.Path, "--date", "2026-01-12");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal([sha], ReportAssert.Shas(workspace.Json("demo", "2026-01-12")));
        Assert.Contains("feat: first feature", workspace.Markdown("demo", "2026-01-12"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_repo_the_current_directory_is_reported()
    {
        repo.Write("a.txt", "a\n").Commit("here", "2026-01-12T10:00:00+08:00");
        var output = workspace.Combine("out-cwd");

        var result = CliRunner.Run(repo.Path, "report", "--date", "2026-01-12", "--out", output, "--cache-dir", workspace.Cache, "-q");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
        Assert.True(File.Exists(Path.Combine(output, "2026", "demo", "2026-01-12.md")));
    }

    [Fact]
    public void Dry_run_prints_markdown_to_stdout_and_creates_no_output_directory()
    {
        repo.Write("a.txt", "a\n").Commit("fix: dry run title", "2026-01-12T10:00:00+08:00");

        var result = workspace.Cli("report", "--repo", repo.Path, "--date", "2026-01-12", "--dry-run", "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("# ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("fix: dry run title", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Commit time", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', result.Stdout);
        AssertNothingWritten();
    }

    [Fact]
    public void Empty_day_in_English_says_so()
    {
        repo.Write("a.txt", "a\n").Commit("other day", "2026-01-10T10:00:00+08:00");

        var result = workspace.Cli("report", "--repo", repo.Path, "--date", "2026-01-12", "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        // --lang en beside the default Chinese: DATE.en.md, so that the Chinese report of the day is never overwritten.
        Assert.Contains("No commits on this day.", File.ReadAllText(workspace.ReportPath("demo", "2026-01-12", "en.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Tz_flag_moves_commits_between_days()
    {
        var late = repo.Write("a.txt", "a\n").Commit("late", "2026-01-12T23:59:59+08:00");
        var early = repo.Write("b.txt", "b\n").Commit("early", "2026-01-13T00:00:00+08:00");

        Assert.Equal(0, workspace.Cli("report", "--repo", repo.Path, "--since", "2026-01-12", "--until", "2026-01-13").ExitCode);
        Assert.Equal([late], ReportAssert.Shas(workspace.Json("demo", "2026-01-12")));
        Assert.Equal([early], ReportAssert.Shas(workspace.Json("demo", "2026-01-13")));

        Assert.Equal(0, workspace.Cli("report", "--repo", repo.Path, "--since", "2026-01-12", "--until", "2026-01-13", "--tz", "UTC").ExitCode);
        Assert.Equal([early, late], ReportAssert.Shas(workspace.Json("demo", "2026-01-12")));
        Assert.Empty(ReportAssert.Shas(workspace.Json("demo", "2026-01-13")));
    }

    [Fact]
    public void Latest_on_an_old_repository_reports_its_last_day()
    {
        var sha = repo.Write("a.txt", "a\n").Commit("ancient", "2020-02-29T12:00:00+08:00");

        var result = workspace.Cli("report", "--repo", repo.Path, "--latest");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([sha], ReportAssert.Shas(workspace.Json("demo", "2020-02-29")));
        Assert.Single(ReportAssert.TableRows(workspace.Markdown("demo", "2020-02-29")));
    }

    [Fact]
    public void An_unreachable_repository_exits_1_and_the_other_report_is_still_written()
    {
        repo.Write("a.txt", "a\n").Commit("fine", "2026-01-12T10:00:00+08:00");
        var missing = new Uri(workspace.Combine("nowhere", "gone.git")).AbsoluteUri;

        var result = workspace.Cli("report", "--repo", missing, "--repo", repo.Path, "--date", "2026-01-12");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(workspace.ReportExists("demo", "2026-01-12", "md"));
        Assert.True(workspace.ReportExists("demo", "2026-01-12", "json"));
        var errors = result.Stderr.Split('\n').Where(l => l.StartsWith("gitbrief: error: ", StringComparison.Ordinal)).ToList();
        Assert.Contains("gone", Assert.Single(errors), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_GitHub_token_never_appears_in_output_or_files()
    {
        const string token = "ghp_SuperSecretTestToken0123456789abcdef";
        repo.Write("a.txt", "a\n").Commit("fine", "2026-01-12T10:00:00+08:00");
        var missing = new Uri(workspace.Combine($"{token}", "repo.git")).AbsoluteUri;
        var environment = new Dictionary<string, string> { ["GITHUB_TOKEN"] = token };

        var result = workspace.Cli(environment, "report", "--repo", missing, "--repo", repo.Path, "--date", "2026-01-12", "--debug");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(token, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.Stderr, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(workspace.Root, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(token, File.ReadAllText(file), StringComparison.Ordinal);
            Assert.DoesNotContain(token, file, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_remote_is_mirrored_and_fetched_again_on_the_next_run()
    {
        var first = repo.Write("a.txt", "a\n").Commit("first", "2026-01-12T10:00:00+08:00");
        var bare = repo.CloneBare("origin.git");
        var url = new Uri(bare).AbsoluteUri;

        Assert.Equal(0, workspace.Cli("report", "--repo", url, "--date", "2026-01-12").ExitCode);
        Assert.Equal([first], ReportAssert.Shas(workspace.Json("origin", "2026-01-12")));
        Assert.Single(Directory.GetDirectories(Path.Combine(workspace.Cache, "mirrors"), "origin.git", SearchOption.AllDirectories));

        var second = repo.Write("b.txt", "b\n").Commit("second", "2026-01-12T11:00:00+08:00");
        repo.Git("push", "-q", bare, "main");

        var again = workspace.Cli("report", "--repo", url, "--date", "2026-01-12");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal([second, first], ReportAssert.Shas(workspace.Json("origin", "2026-01-12")));
    }

    [Fact]
    public void Determinism_two_cli_runs_give_identical_bytes()
    {
        repo.Write("a.txt", "a\n").Commit("feat: 功能 | pipe", "2026-01-12T10:00:00+08:00");

        workspace.Cli("report", "--repo", repo.Path, "--date", "2026-01-12");
        var first = workspace.OutputFiles();
        workspace.Cli("report", "--repo", repo.Path, "--date", "2026-01-12");
        var second = workspace.OutputFiles();

        Assert.Equal(2, first.Count);
        foreach (var (name, bytes) in first)
        {
            Assert.Equal(bytes, second[name]);
            ReportAssert.NoBomNoCarriageReturn(bytes, name);
        }
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026/01/01")]
    public void Invalid_dates_exit_2(string date)
    {
        AssertUsageError(workspace.Cli("report", "--repo", repo.Path, "--date", date), $"--date: '{date}' is not a valid date");
        AssertNothingWritten();
    }

    [Fact]
    public void Unknown_time_zone_exits_2()
    {
        AssertUsageError(workspace.Cli("report", "--repo", repo.Path, "--tz", "Mars/Olympus"), "unknown time zone 'Mars/Olympus'");
        AssertNothingWritten();
    }

    [Fact]
    public void Unknown_flag_exits_2()
    {
        AssertUsageError(workspace.Cli("report", "--repo", repo.Path, "--colour"), "--colour");
    }

    [Theory]
    [InlineData("repositories:\n  - .\nlanguage: zh: en\n", "gitbrief.yaml:3: invalid YAML")]
    [InlineData("language: zh\ntimezone: UTC\nverbose: true\n", "gitbrief.yaml:3: unknown key 'verbose'")]
    [InlineData("importance:\n  thresholds:\n    high: abc\n", "gitbrief.yaml:3: 'importance.thresholds.high' must be a whole number, not 'abc'")]
    [InlineData("repositories:\n  - alice/tool\n  - repo: bob/tool\n", "gitbrief.yaml:3: repository 'bob/tool' writes to the same report path")]
    public void Bad_config_exits_2_naming_file_and_line(string yaml, string expected)
    {
        workspace.WriteFile("gitbrief.yaml", yaml);

        AssertUsageError(workspace.Cli("report", "--date", "2026-01-12"), expected);
        AssertNothingWritten();
    }

    [Fact]
    public void The_current_tools_config_yaml_is_accepted_with_config()
    {
        repo.Write("a.txt", "a\n").Commit("feat: configured", "2026-01-12T10:00:00+08:00");
        workspace.WriteFile("config.yaml", Configuration.ConfigLoaderTests.CurrentToolConfig);

        var result = workspace.Cli("report", "--config", "config.yaml", "--repo", repo.Path, "--date", "2026-01-12");

        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = workspace.Markdown("demo", "2026-01-12");
        Assert.DoesNotContain("## 📋 目录", markdown, StringComparison.Ordinal);
        // feat weighs 9 in that file (default 8): the score reason shows it.
        Assert.Contains("+9", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_config_file_exits_2()
    {
        AssertUsageError(workspace.Cli("report", "--config", "nope.yaml", "--repo", repo.Path), "nope.yaml: config file not found");
    }

    [Fact]
    public void Duplicate_repository_names_on_the_command_line_exit_2()
    {
        using var scratch = new TempDirectory("gitbrief-dup");
        using var second = TestRepository.CreateIn(scratch, "demo");

        AssertUsageError(workspace.Cli("report", "--repo", repo.Path, "--repo", second.Path, "--date", "2026-01-12"), "writes to the same report path");
        AssertNothingWritten();
    }
}
