using Gitbrief.Analysis;
using Gitbrief.Configuration;

namespace Gitbrief.Tests.Analysis;

/// <summary>The reader's watch rules on the rules analyzer's verdict: raise, lower and mute by paths and keywords,
/// applied in order (global, then the repository's), each shown as a "watch" reason.</summary>
public sealed class WatchRulesTests
{
    private static AnalyzedCommit Analyze(CommitBuilder commit, ReportLanguage language, params WatchRule[] rules)
    {
        var analyzed = new RulesAnalyzer(ImportanceWeights.Default, language, new WatchRules(rules)).Analyze(commit.Build());
        Assert.Equal(analyzed.Importance.Reasons.Sum(r => r.Points), analyzed.Importance.Score);
        return analyzed;
    }

    /// <summary>The rules applied to a verdict of <paramref name="level"/> (whatever the scorer would say of the commit).</summary>
    private static ImportanceAssessment Apply(ImportanceLevel level, CommitBuilder builder, params WatchRule[] rules)
    {
        var score = level switch { ImportanceLevel.High => 12, ImportanceLevel.Medium => 8, _ => 3 };
        var commit = builder.Build();
        var files = commit.Files.Select(f => new ClassifiedFile(f, FileClassifier.Classify(f))).ToList();
        var verdict = new ImportanceAssessment(level, score, [new ScoreReason("type", score, "given")]);
        var applied = new WatchRules(rules).Apply(verdict, commit, files, ImportanceWeights.Default, ReportLanguage.En);
        Assert.Equal(applied.Reasons.Sum(r => r.Points), applied.Score);
        return applied;
    }

    private static ScoreReason Watch(ImportanceAssessment assessment) => Assert.Single(assessment.Reasons, r => r.Code == "watch");

    private static WatchRule Raise(ImportanceLevel level, string[]? paths = null, string[]? keywords = null) =>
        new() { Effect = WatchEffect.Raise, Level = level, Paths = paths ?? [], Keywords = keywords ?? [] };

    private static WatchRule Lower(ImportanceLevel level, string[]? paths = null, string[]? keywords = null) =>
        new() { Effect = WatchEffect.Lower, Level = level, Paths = paths ?? [], Keywords = keywords ?? [] };

    private static WatchRule Mute(string[]? paths = null, string[]? keywords = null) =>
        new() { Effect = WatchEffect.Mute, Paths = paths ?? [], Keywords = keywords ?? [] };

    [Fact]
    public void Anything_under_a_watched_directory_is_high_and_says_why()
    {
        var typo = CommitBuilder.Message("docs: fix a typo").File("vllm/attention/README.md", 1, 1);
        var before = typo.Analyze();

        var analyzed = Analyze(typo, ReportLanguage.En, Raise(ImportanceLevel.High, paths: ["vllm/attention/**"]));

        Assert.Equal(ImportanceLevel.Low, before.Importance.Level);
        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        var reason = analyzed.Reason("watch");
        Assert.Equal("watch rule: path vllm/attention/** → at least high", reason.Detail);
        Assert.True(reason.Points > 0);
        Assert.Equal((before.Importance.Level, before.Importance.Score), (analyzed.Scored.Level, analyzed.Scored.Score));
        Assert.Equal(before.Importance.Reasons, analyzed.Scored.Reasons);
        Assert.Equal(before.Importance.Reasons, analyzed.Importance.Reasons.Take(before.Importance.Reasons.Count));
    }

    [Fact]
    public void A_raise_needs_only_one_file_under_the_path_and_a_renamed_files_old_path_counts()
    {
        var mixed = CommitBuilder.Message("Refactor").File("README.md", 1, 1).Renamed("vllm/attention/old.py", "vllm/core/new.py");

        Assert.Equal(ImportanceLevel.High, Apply(ImportanceLevel.Low, mixed, Raise(ImportanceLevel.High, paths: ["vllm/attention/"])).Level);
    }

    [Fact]
    public void Raise_is_at_least_so_a_higher_verdict_stays_and_the_match_is_still_shown()
    {
        var commit = CommitBuilder.Message("feat: new scheduler").File("vllm/attention/f.py", 80);

        var applied = Apply(ImportanceLevel.High, commit, Raise(ImportanceLevel.Medium, paths: ["vllm/attention/**"]));

        Assert.Equal(ImportanceLevel.High, applied.Level);
        Assert.Equal(0, Watch(applied).Points);
    }

    [Fact]
    public void Lower_applies_only_when_every_changed_file_is_under_its_paths()
    {
        var rule = Lower(ImportanceLevel.Low, paths: ["benchmarks/**"]);
        var benchOnly = CommitBuilder.Message("feat: add a throughput benchmark").Files(3, i => $"benchmarks/b{i}.py", 80);
        var benchAndCore = CommitBuilder.Message("feat: add a throughput benchmark").Files(3, i => $"benchmarks/b{i}.py", 80).File("vllm/engine.py", 50);

        var lowered = Apply(ImportanceLevel.High, benchOnly, rule);
        var untouched = Apply(ImportanceLevel.High, benchAndCore, rule);

        Assert.Equal(ImportanceLevel.Low, lowered.Level);
        Assert.Equal("watch rule: path benchmarks/** → at most low", Watch(lowered).Detail);
        Assert.Equal(ImportanceLevel.High, untouched.Level);
        Assert.DoesNotContain(untouched.Reasons, r => r.Code == "watch");
    }

    [Theory]
    [InlineData("chore(deps): Update Dependency serde to v1.0.200", true)]
    [InlineData("chore(deps): update\n dependency serde", true)]
    [InlineData("Bump serde\n\nThis PR was generated by Renovate Bot.", true)]
    [InlineData("Add renovate-style grouping to our own updater", true)]
    [InlineData("Fix the renovated cache eviction", false)]
    [InlineData("feat: update dependencies page", false)]
    public void Keywords_are_case_insensitive_whole_words_in_title_and_body(string message, bool muted)
    {
        var applied = Apply(ImportanceLevel.Medium, CommitBuilder.Message(message).File("Cargo.toml", 1, 1), Mute(keywords: ["renovate", "update dependency"]));

        Assert.Equal(muted, applied.Muted);
        Assert.Equal(muted ? ImportanceLevel.Low : ImportanceLevel.Medium, applied.Level);
    }

    [Fact]
    public void Chinese_keywords_match_without_spaces_and_the_reason_is_in_the_reports_language()
    {
        var commit = CommitBuilder.Message("docs: 注意力内核的说明").File("docs/attn.md", 3, 1);

        var analyzed = Analyze(commit, ReportLanguage.Zh, Raise(ImportanceLevel.High, keywords: ["注意力"]));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Equal("关注规则：关键词“注意力” → 至少为高", analyzed.Reason("watch").Detail);
    }

    [Fact]
    public void A_rule_with_paths_and_keywords_needs_both()
    {
        var rule = Raise(ImportanceLevel.High, paths: ["vllm/attention/**"], keywords: ["fp8"]);

        var both = Apply(ImportanceLevel.Low, CommitBuilder.Message("Support FP8 KV cache").File("vllm/attention/kv.py", 3), rule);

        Assert.Equal(ImportanceLevel.High, both.Level);
        Assert.Equal("watch rule: path vllm/attention/** + keyword \"fp8\" → at least high", Watch(both).Detail);
        Assert.Equal(ImportanceLevel.Low, Apply(ImportanceLevel.Low, CommitBuilder.Message("Support FP8 KV cache").File("vllm/model.py", 3), rule).Level);
        Assert.Equal(ImportanceLevel.Low, Apply(ImportanceLevel.Low, CommitBuilder.Message("Tidy imports").File("vllm/attention/kv.py", 3), rule).Level);
    }

    [Fact]
    public void When_a_raise_and_a_lower_disagree_the_later_rule_wins_so_a_repositorys_rule_beats_a_global_one()
    {
        var commit = CommitBuilder.Message("Fix off-by-one in the paged attention kernel").File("vllm/attention/ops/paged.py", 2, 1);
        var raise = Raise(ImportanceLevel.High, paths: ["vllm/attention/**"]);
        var lower = Lower(ImportanceLevel.Low, keywords: ["off-by-one"]);

        var lowerLast = Apply(ImportanceLevel.Medium, commit, raise, lower);
        var raiseLast = Apply(ImportanceLevel.Medium, commit, lower, raise);

        Assert.Equal(ImportanceLevel.Low, lowerLast.Level);
        Assert.Equal(ImportanceLevel.High, raiseLast.Level);
        Assert.Equal(2, lowerLast.Reasons.Count(r => r.Code == "watch"));
    }

    [Fact]
    public void Rules_that_agree_both_hold()
    {
        var commit = CommitBuilder.Message("feat: new scheduler").File("vllm/attention/f.py", 80);
        WatchRule[] rules = [Raise(ImportanceLevel.Medium, paths: ["vllm/attention/"]), Lower(ImportanceLevel.Medium, paths: ["vllm/attention/"])];

        Assert.Equal(ImportanceLevel.Medium, Apply(ImportanceLevel.High, commit, rules).Level);
        Assert.Equal(ImportanceLevel.Medium, Apply(ImportanceLevel.Low, commit, rules).Level);
    }

    [Fact]
    public void Mute_makes_a_commit_low_and_muted_and_a_later_raise_lifts_the_mute()
    {
        var bump = CommitBuilder.Message("feat(deps): update dependency torch to v2.9 (renovate)").File("vllm/attention/f.py", 80);

        var muted = Apply(ImportanceLevel.High, bump, Mute(keywords: ["renovate"]));
        var lifted = Apply(ImportanceLevel.High, bump, Mute(keywords: ["renovate"]), Raise(ImportanceLevel.Medium, paths: ["vllm/attention/"]));
        var stillMuted = Apply(ImportanceLevel.High, bump, Mute(keywords: ["renovate"]), Lower(ImportanceLevel.Medium, paths: ["vllm/attention/"]));

        Assert.Equal((ImportanceLevel.Low, true), (muted.Level, muted.Muted));
        Assert.Equal("watch rule: keyword \"renovate\" → muted", Watch(muted).Detail);
        Assert.True(Watch(muted).Points < 0);
        Assert.Equal((ImportanceLevel.Medium, false), (lifted.Level, lifted.Muted));
        Assert.Equal((ImportanceLevel.Low, true), (stillMuted.Level, stillMuted.Muted));
    }

    [Fact]
    public void No_rule_matches_a_commit_without_files_by_path()
    {
        var empty = CommitBuilder.Message("Merge branch 'main'");

        var applied = Apply(ImportanceLevel.Medium, empty, Mute(paths: ["**"]), Raise(ImportanceLevel.High, paths: ["**"]));

        Assert.DoesNotContain(applied.Reasons, r => r.Code == "watch");
    }
}
