using Gitbrief.Analysis;
using Gitbrief.Configuration;

namespace Gitbrief.Tests.Analysis;

/// <summary>The config's <c>importance:</c> keys change the outcome of the rules.</summary>
public sealed class ImportanceWeightsTests
{
    private static ImportanceWeights FromConfig(string importanceYaml) =>
        ConfigLoader.Parse("importance:\n" + importanceYaml, "gitbrief.yaml").Importance;

    private static CommitBuilder SmallFix() => CommitBuilder.Message("fix: handle a null name").File("src/names.py", 6, 2);

    [Fact]
    public void Lower_thresholds_lift_a_commit_a_level()
    {
        var chore = CommitBuilder.Message("chore: reorder the name checks").File("src/names.py", 6, 2);
        Assert.Equal(ImportanceLevel.Low, chore.Analyze().Importance.Level);

        var weights = FromConfig("  thresholds: {high: 8, medium: 3}\n");

        Assert.Equal(ImportanceLevel.Medium, chore.Analyze(weights: weights).Importance.Level);
    }

    [Fact]
    public void Higher_thresholds_lower_a_commit_a_level()
    {
        var weights = FromConfig("  thresholds: {high: 20, medium: 15}\n");

        Assert.Equal(ImportanceLevel.Low, SmallFix().Analyze(weights: weights).Importance.Level);
    }

    [Fact]
    public void A_commit_type_weight_changes_the_type_points()
    {
        var commit = CommitBuilder.Message("feat: add a flag").File("src/flags.go", 10, 0);
        Assert.Equal(ImportanceLevel.Medium, commit.Analyze().Importance.Level);

        var analyzed = commit.Analyze(weights: FromConfig("  commit_types: {feat: 1}\n"));

        Assert.Equal(1, analyzed.Reason("type").Points);
        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
    }

    [Fact]
    public void Dependency_commits_borrow_the_build_weight_unless_deps_is_named()
    {
        var commit = CommitBuilder.Message("Bump serde to 1.0.200").File("Cargo.toml", 1, 1);

        Assert.Equal(1, commit.Analyze().Reason("type").Points);
        Assert.Equal(ImportanceLevel.Low, commit.Analyze().Importance.Level);

        var build = commit.Analyze(weights: FromConfig("  commit_types: {build: 9}\n"));
        Assert.Equal(9, build.Reason("type").Points);
        // A routine bump stays low whatever the weights: the signal caps it.
        Assert.Equal(ImportanceLevel.Low, build.Importance.Level);
        Assert.Contains("dependency-routine", build.ReasonCodes());

        var deps = commit.Analyze(weights: FromConfig("  commit_types: {build: 9, deps: 0}\n"));
        Assert.Equal(0, deps.Reason("type").Points);
        Assert.Equal(ImportanceLevel.Low, deps.Importance.Level);
    }

    [Fact]
    public void Reverts_borrow_the_fix_weight_and_are_lifted_to_medium()
    {
        var commit = CommitBuilder.Message("Revert \"feat: x\"").File("src/x.c", 1, 12);

        var analyzed = commit.Analyze(weights: FromConfig("  commit_types: {fix: 0}\n"));

        Assert.Equal(0, analyzed.Reason("type").Points);
        Assert.Equal(4, analyzed.Reason("revert").Points);
        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);

        var named = commit.Analyze(weights: FromConfig("  commit_types: {fix: 0, revert: 9}\n"));
        Assert.Equal(9, named.Reason("type").Points);
    }

    [Fact]
    public void Change_sizes_move_the_size_points()
    {
        var commit = CommitBuilder.Message("chore: tidy").File("src/a.cs", 45, 5);
        Assert.Equal(0, commit.Analyze().Reason("size").Points);

        var analyzed = commit.Analyze(weights: FromConfig("  change_sizes: {large: 40, medium: 20, small: 10}\n"));

        Assert.Equal(3, analyzed.Reason("size").Points);
    }

    [Fact]
    public void File_type_weights_move_the_role_points()
    {
        var commit = CommitBuilder.Message("chore: tidy").File("docs/a.md", 5, 5);
        Assert.Equal(0, commit.Analyze().Reason("files").Points);

        var analyzed = commit.Analyze(weights: FromConfig("  file_types: {core: 3, doc: 4}\n"));

        Assert.Equal(4, analyzed.Reason("files").Points);
    }

    [Fact]
    public void Scope_limits_move_the_scope_points()
    {
        var commit = CommitBuilder.Message("chore: tidy").Files(4, i => $"src/m{i}.cs", 1);
        Assert.Equal(1, commit.Analyze().Reason("scope").Points);

        var analyzed = commit.Analyze(weights: FromConfig("  scopes: {wide: 3, medium: 2}\n"));

        Assert.Equal(2, analyzed.Reason("scope").Points);
    }

    [Fact]
    public void Caps_follow_the_configured_thresholds()
    {
        var weights = ImportanceWeights.Default with { HighThreshold = 30, MediumThreshold = 20 };
        var commit = CommitBuilder.Message("feat: add huge test suite").Files(12, i => $"tests/case{i}_test.go", 200);

        var analyzed = commit.Analyze(weights: weights);

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal(0, analyzed.Reason("cap").Points);
    }

    [Fact]
    public void A_breaking_change_reaches_a_raised_high_threshold()
    {
        var weights = ImportanceWeights.Default with { HighThreshold = 40, MediumThreshold = 20 };

        var analyzed = CommitBuilder.Message("feat!: drop v1 API").File("src/api.cs", 5, 50).Analyze(weights: weights);

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Equal(40, analyzed.Importance.Score);
    }

    [Fact]
    public void An_unknown_weight_key_falls_back_to_other()
    {
        var weights = ImportanceWeights.Default with { CommitTypes = new Dictionary<string, int> { ["other"] = 4 } };

        Assert.Equal(4, weights.TypeWeight("feat"));
        Assert.Equal(3, (ImportanceWeights.Default with { CommitTypes = new Dictionary<string, int>() }).TypeWeight("feat"));
    }
}
