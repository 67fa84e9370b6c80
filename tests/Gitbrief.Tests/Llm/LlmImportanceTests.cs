using System.Text.Json;
using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Llm;

/// <summary><c>llm.importance</c>: the level a reader sees with rules, llm and hybrid, against a simulated model
/// that disagrees with the rules on every commit; the hybrid mode's floors and ceilings; the rubric in every
/// commit prompt; the reader's watch rules last in every mode.</summary>
public sealed class LlmImportanceTests : IAsyncLifetime
{
    private LlmScenario s = null!;
    private string feature = "";
    private string security = "";
    private string lockfile = "";
    private string docs = "";

    /// <summary>What the simulated model says of each commit: the opposite of the rules.</summary>
    private readonly Dictionary<string, string> model = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        s = await LlmScenario.CreateAsync(commits: 0);
        var repo = s.Repository;
        feature = repo.WriteLines("src/engine/speculative.py", 300, "draft =")
            .Commit("feat: add a speculative decoding engine", "2026-02-10T09:00:00+08:00");
        security = repo.WriteLines("src/loader.py", 8, "check =")
            .Commit("fix: reject path traversal in the model loader (CVE-2026-1234)", "2026-02-10T09:10:00+08:00");
        lockfile = repo.WriteLines("Cargo.lock", 500, "checksum =")
            .Commit("chore: refresh the lockfile", "2026-02-10T09:20:00+08:00");
        docs = repo.WriteLines("docs/quickstart.md", 200, "Step")
            .Commit("docs: rewrite the quick start", "2026-02-10T09:30:00+08:00");
        model[feature] = "low";
        model[security] = "low";
        model[lockfile] = "high";
        model[docs] = "high";
        s.Simulator.Answer = request => request.IsHighlights || request.Sha is null || !model.TryGetValue(request.Sha, out var level)
            ? ChatSimulator.DefaultAnswer(request)
            : ChatSimulator.AnswerWithLevel(request, level, $"Rubric case for {request.Sha[..7]}.");
    }

    public async Task DisposeAsync() => await s.DisposeAsync();

    private async Task<JsonElement> RunAsync(string mode, string language = "en", IReadOnlyList<WatchRule>? watch = null)
    {
        var config = s.Config with
        {
            Language = language,
            Llm = s.Config.Llm with { ImportanceSource = mode },
            Watch = watch ?? [],
        };
        var summary = await s.Workspace.RunAsync(
            new ReportArguments { Repositories = [s.Repository.Path], Date = LlmScenario.Day, TimeZone = "Asia/Shanghai" }, config, s.Environment);
        Assert.Equal(ExitCodes.Success, summary.ExitCode);
        return s.Json();
    }

    private static string Level(JsonElement report, string sha) => ReportAssert.CommitBySha(report, sha).GetProperty("importance").GetString()!;

    private static List<(string Code, int Points, string Detail)> Reasons(JsonElement report, string sha) =>
        ReportAssert.CommitBySha(report, sha).GetProperty("reasons").EnumerateArray()
            .Select(r => (r.GetProperty("code").GetString()!, r.GetProperty("points").GetInt32(), r.GetProperty("detail").GetString()!))
            .ToList();

    private static string Reason(JsonElement report, string sha, string code) => Assert.Single(Reasons(report, sha), r => r.Code == code).Detail;

    private static void ScoresAddUp(JsonElement report)
    {
        foreach (var commit in ReportAssert.Commits(report))
        {
            Assert.Equal(commit.GetProperty("reasons").EnumerateArray().Sum(r => r.GetProperty("points").GetInt32()), commit.GetProperty("score").GetInt32());
        }
    }

    [Theory]
    [InlineData("rules", "medium", "high", "low", "low")]
    [InlineData("llm", "low", "low", "high", "high")]
    [InlineData("hybrid", "low", "high", "low", "medium")]
    public async Task Each_mode_gives_the_reader_its_level(string mode, string featureLevel, string securityLevel, string lockfileLevel, string docsLevel)
    {
        var report = await RunAsync(mode);

        Assert.Equal(
            [featureLevel, securityLevel, lockfileLevel, docsLevel],
            new[] { feature, security, lockfile, docs }.Select(sha => Level(report, sha)));
        foreach (var sha in model.Keys)
        {
            var commit = ReportAssert.CommitBySha(report, sha);
            Assert.Equal("llm", commit.GetProperty("analysis").GetProperty("source").GetString());
            Assert.Equal(model[sha], commit.GetProperty("analysis").GetProperty("llmImportance").GetString());
            var llm = Reasons(report, sha).Where(r => r.Code == "llm").ToList();
            if (mode == "rules")
            {
                Assert.Empty(llm);
            }
            else
            {
                Assert.Equal($"LLM: {model[sha]} — Rubric case for {sha[..7]}.", Assert.Single(llm).Detail);
            }
        }
        ScoresAddUp(report);
    }

    [Fact]
    public async Task Hybrid_keeps_security_high_lockfiles_low_and_docs_below_high_and_says_so()
    {
        var report = await RunAsync("hybrid");

        Assert.EndsWith("→ at least high", Reason(report, security, "floor"), StringComparison.Ordinal);
        Assert.StartsWith("hybrid floor: security keyword", Reason(report, security, "floor"), StringComparison.Ordinal);
        Assert.Equal("hybrid ceiling: only lockfile, generated, vendored or binary files → at most low", Reason(report, lockfile, "ceiling"));
        Assert.Equal("hybrid ceiling: only docs, tests or CI → at most medium", Reason(report, docs, "ceiling"));
        Assert.DoesNotContain(Reasons(report, feature), r => r.Code is "floor" or "ceiling");
        var markdown = s.Markdown();
        Assert.Contains("LLM: low — Rubric case for " + security[..7] + ".", markdown, StringComparison.Ordinal);
        Assert.Contains("hybrid ceiling: only docs, tests or CI → at most medium", markdown, StringComparison.Ordinal);

        var llmOnly = await RunAsync("llm");
        Assert.DoesNotContain(ReportAssert.Commits(llmOnly).SelectMany(c => c.GetProperty("reasons").EnumerateArray()),
            r => r.GetProperty("code").GetString() is "floor" or "ceiling");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public async Task Every_commit_prompt_carries_the_rubric_and_asks_for_a_rationale(string language)
    {
        var report = await RunAsync("hybrid", language);

        var requests = s.CommitRequests();
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r =>
        {
            var system = r.Messages[0].Content;
            Assert.Contains(ImportanceRubric.Text, system, StringComparison.Ordinal);
            Assert.Contains(ImportanceRubric.WithBorderlineKinds, system, StringComparison.Ordinal);
            Assert.Contains("A fix to a feature that landed the same day is judged as part of that feature", system, StringComparison.Ordinal);
            Assert.Contains("- **high** — someone following this repository must know it today", system, StringComparison.Ordinal);
            Assert.Contains("a surprise for most users is high, a surprise for some is medium, no surprise", system, StringComparison.Ordinal);
            Assert.Contains("importanceReason", system, StringComparison.Ordinal);
            Assert.Contains("importanceReason", r.Body, StringComparison.Ordinal);
        });
        if (language == "zh")
        {
            Assert.StartsWith("模型判断：低 — ", Reason(report, feature, "llm"), StringComparison.Ordinal);
            Assert.StartsWith("混合模式下限：", Reason(report, security, "floor"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("llm")]
    [InlineData("hybrid")]
    public async Task Watch_rules_apply_last_in_every_mode_and_a_muted_commit_is_not_sent(string mode)
    {
        WatchRule[] watch =
        [
            new() { Effect = WatchEffect.Raise, Level = ImportanceLevel.High, Paths = ["docs/**"] },
            new() { Effect = WatchEffect.Mute, Keywords = ["lockfile"] },
            new() { Effect = WatchEffect.Lower, Level = ImportanceLevel.Medium, Paths = ["src/engine/"] },
        ];

        var report = await RunAsync(mode, watch: watch);

        Assert.Equal("high", Level(report, docs));
        Assert.Equal("watch rule: path docs/** → at least high", Reason(report, docs, "watch"));
        Assert.Equal("low", Level(report, lockfile));
        Assert.True(ReportAssert.CommitBySha(report, lockfile).GetProperty("muted").GetBoolean());
        Assert.Empty(s.CommitRequests(lockfile));
        Assert.Equal("rules", ReportAssert.CommitBySha(report, lockfile).GetProperty("analysis").GetProperty("source").GetString());
        Assert.Equal(mode == "rules" ? "medium" : "low", Level(report, feature));
        Assert.Equal("watch", Reasons(report, docs)[^1].Code);
        ScoresAddUp(report);
    }
    /// <summary>A major release's day: four `feat!:` commits, of which the day keeps the strongest high and holds the others
    /// at medium. The hybrid floor keeps high only what the rules keep high; the rest are the model's to judge, and their
    /// prompt gives the day's verdict.</summary>
    [Fact]
    public async Task Hybrid_leaves_to_the_model_a_breaking_change_the_day_holds_at_medium()
    {
        await using var day = await LlmScenario.CreateAsync(commits: 0);
        var breaking = new[] { 400, 120, 60, 30 }.Select((lines, i) => day.Repository.WriteLines($"src/api/part{i}.py", lines, $"v{i} =")
            .Commit($"feat!: change the default of option {i}", $"2026-02-10T09:0{i}:00+08:00")).ToList();
        day.Simulator.Answer = request => request.IsHighlights
            ? ChatSimulator.DefaultAnswer(request)
            : ChatSimulator.AnswerWithLevel(request, "medium", "Breaks one option for those who set it.");
        async Task<JsonElement> ReportAsync(string mode)
        {
            var summary = await day.Workspace.RunAsync(
                new ReportArguments { Repositories = [day.Repository.Path], Date = LlmScenario.Day, TimeZone = "Asia/Shanghai" },
                day.Config with { Llm = day.Config.Llm with { ImportanceSource = mode } }, day.Environment);
            Assert.Equal(ExitCodes.Success, summary.ExitCode);
            return day.Json();
        }

        var rules = await ReportAsync("rules");
        var held = breaking.Where(sha => Reasons(rules, sha).Any(r => r.Code == "day-cap")).ToList();
        var kept = breaking.Except(held).ToList();
        Assert.NotEmpty(held);
        Assert.NotEmpty(kept);
        Assert.All(held, sha => Assert.Equal("medium", Level(rules, sha)));
        Assert.All(kept, sha => Assert.Equal("high", Level(rules, sha)));

        var hybrid = await ReportAsync("hybrid");

        Assert.All(kept, sha => Assert.Contains(Reasons(hybrid, sha), r => r.Code == "floor"));
        Assert.All(kept, sha => Assert.Equal("high", Level(hybrid, sha)));
        Assert.All(held, sha => Assert.Equal("medium", Level(hybrid, sha)));
        Assert.All(held, sha => Assert.DoesNotContain(Reasons(hybrid, sha), r => r.Code == "floor"));
        Assert.All(held, sha => Assert.Contains("Rules verdict: importance medium",
            day.CommitRequests(sha)[0].Messages[^1].Content, StringComparison.Ordinal));
        ScoresAddUp(hybrid);
    }
}
