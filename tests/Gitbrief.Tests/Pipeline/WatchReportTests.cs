using System.Text.Json;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Pipeline;

/// <summary>A reader's watch rules through the whole pipeline: a real repository, a real gitbrief.yaml, the
/// Markdown and JSON a reader gets — and the same ranking when the repository is named with --repo.</summary>
public sealed class WatchReportTests : IDisposable
{
    private const string Day = "2026-01-12";

    private const string Config =
        """
        language: en
        timezone: Asia/Shanghai
        watch:
          - paths: [vllm/attention/**]
            raise: high
          - keywords: [renovate]
            mute: true
        repositories:
          - repo: {0}
            watch:
              - paths: [tools/bench/]
                lower: low
        """;

    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("vllm");
    private readonly string attentionTypo;
    private readonly string renovateBump;
    private readonly string benchmark;
    private readonly string scheduler;

    public WatchReportTests()
    {
        attentionTypo = repo.Write("vllm/attention/README.md", "Paged attention, see the kernel notes.\n")
            .Commit("docs: fix a typo in the attention notes", $"{Day}T09:00:00+08:00");
        // Announced in the changelog: a core feature, high until a reader mutes it.
        renovateBump = repo.WriteLines("vllm/tokenizer/fast.py", 400, "token =").WriteLines("CHANGELOG.md", 3, "- tokenizer")
            .Commit("feat: make the fast tokenizer v2 the default (renovate)", $"{Day}T10:00:00+08:00");
        benchmark = repo.WriteLines("tools/bench/throughput.py", 400, "run =").WriteLines("tools/bench/latency.py", 300, "run =")
            .Commit("feat: add throughput and latency benchmarks", $"{Day}T11:00:00+08:00");
        scheduler = repo.WriteLines("vllm/core/scheduler.py", 600, "slot =")
            .Commit("feat: add a chunked-prefill scheduler", $"{Day}T12:00:00+08:00");
    }

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    private GitbriefConfig LoadConfig() => ConfigLoader.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, Config, repo.Path), "gitbrief.yaml");

    private static JsonElement Commit(JsonElement report, string sha) => ReportAssert.CommitBySha(report, sha);

    private static string Level(JsonElement report, string sha) => Commit(report, sha).GetProperty("importance").GetString()!;

    private static IEnumerable<string> WatchDetails(JsonElement report, string sha) =>
        Commit(report, sha).GetProperty("reasons").EnumerateArray()
            .Where(r => r.GetProperty("code").GetString() == "watch")
            .Select(r => r.GetProperty("detail").GetString()!);

    [Fact]
    public async Task Watched_paths_are_high_muted_commits_are_listed_low_and_out_of_the_highlights_and_lowered_paths_are_low()
    {
        var config = LoadConfig();
        var before = await RunAndReadJsonAsync(config with { Watch = [], Repositories = [.. config.Repositories.Select(r => r with { Watch = [] })] });
        Assert.Equal("low", Level(before, attentionTypo));
        Assert.Equal("high", Level(before, renovateBump));
        Assert.NotEqual("low", Level(before, benchmark));
        Assert.Contains("feat: make the fast tokenizer v2 the default (renovate)", Highlights(before));

        var report = await RunAndReadJsonAsync(config);

        Assert.Equal("high", Level(report, attentionTypo));
        Assert.Equal(["watch rule: path vllm/attention/** → at least high"], WatchDetails(report, attentionTypo));
        Assert.Equal("low", Level(report, renovateBump));
        Assert.True(Commit(report, renovateBump).GetProperty("muted").GetBoolean());
        Assert.Equal(["watch rule: keyword \"renovate\" → muted"], WatchDetails(report, renovateBump));
        Assert.DoesNotContain("feat: make the fast tokenizer v2 the default (renovate)", Highlights(report));
        Assert.Equal("low", Level(report, benchmark));
        Assert.Equal(["watch rule: path tools/bench/ → at most low"], WatchDetails(report, benchmark));
        Assert.Equal(Level(before, scheduler), Level(report, scheduler));
        Assert.Empty(WatchDetails(report, scheduler));
        Assert.False(Commit(report, scheduler).TryGetProperty("muted", out _));
        foreach (var commit in ReportAssert.Commits(report))
        {
            Assert.Equal(commit.GetProperty("reasons").EnumerateArray().Sum(r => r.GetProperty("points").GetInt32()), commit.GetProperty("score").GetInt32());
        }

        var markdown = workspace.Markdown("vllm", Day);
        Assert.Equal(4, ReportAssert.TableRows(markdown).Count);
        Assert.Contains("watch rule: path vllm/attention/\\*\\* → at least high", markdown, StringComparison.Ordinal);
        Assert.Contains("watch rule: keyword \"renovate\" → muted", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_named_with_repo_keeps_its_config_entrys_rules()
    {
        var summary = await workspace.RunAsync(new ReportArguments { Repositories = [repo.Path], Date = Day }, LoadConfig());

        Assert.Equal(ExitCodes.Success, summary.ExitCode);
        var report = workspace.Json("vllm", Day);
        Assert.Equal("low", Level(report, benchmark));
        Assert.Equal("high", Level(report, attentionTypo));
    }

    [Fact]
    public void A_bad_glob_in_the_config_file_exits_2_with_file_and_line()
    {
        workspace.WriteFile("gitbrief.yaml", "watch:\n  - paths: [\"vllm/attention/**\"]\n    raise: high\n  - paths: [\"src/{a,b\"]\n    lower: low\n");

        var result = workspace.Cli("report", "--repo", repo.Path, "--date", Day);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            "gitbrief: error: gitbrief.yaml:4: 'watch[].paths': 'src/{a,b' is not a valid path pattern: '{' without a closing '}'",
            result.Stderr.Trim());
        Assert.False(workspace.ReportExists("vllm", Day));
    }

    private async Task<JsonElement> RunAndReadJsonAsync(GitbriefConfig config)
    {
        var summary = await workspace.RunAsync(new ReportArguments { Date = Day }, config);
        Assert.Equal(ExitCodes.Success, summary.ExitCode);
        return workspace.Json("vllm", Day);
    }

    private static List<string> Highlights(JsonElement report) =>
        report.GetProperty("highlights").EnumerateArray().Select(h => h.GetString()!).ToList();
}
