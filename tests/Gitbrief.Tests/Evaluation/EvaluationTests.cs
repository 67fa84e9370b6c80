using Gitbrief.Analysis;
using Gitbrief.Configuration;
using Gitbrief.Evaluation;

namespace Gitbrief.Tests.Evaluation;

/// <summary>The ranking against the hand-labelled set in eval/ (docs/evaluation.md): a regression below the floors
/// fails CI.</summary>
public sealed class EvaluationTests
{
    /// <summary>Floors a little under today's figures on 514 commits of 17 repositories (90.9% agreement, high
    /// precision 83.3%, recall 73.5%, 37 points above the old tool). The set grew by a hold-out of five repositories
    /// whose highs the rules find less often (3 of 6 blind), so the precision and recall floors sit below the ones
    /// the 372 commits of 12 repositories allowed (80%, 76%).</summary>
    private const double AgreementFloor = 0.89;
    private const double HighPrecisionFloor = 0.78;
    private const double HighRecallFloor = 0.72;
    private const double MarginOverOldTool = 0.30;

    private static readonly Lazy<EvaluationResult> Result = new(() => Evaluator.Evaluate(EvaluationSet.Load(SetDirectory("eval")), ImportanceWeights.Default));

    [Fact]
    public void The_labelled_set_is_large_and_varied()
    {
        var result = Result.Value;

        Assert.True(result.Commits.Count >= 500, $"{result.Commits.Count} labelled commits");
        Assert.True(result.Commits.Select(c => c.Repository).Distinct().Count() >= 17);
        Assert.Empty(result.Unlabelled);
    }

    [Fact]
    public void The_rules_agree_with_the_labels_above_the_floors_and_beat_the_old_tool()
    {
        var result = Result.Value;
        var rules = result.Rules;

        Assert.True(rules.Agreement >= AgreementFloor, result.Format(listDisagreements: false));
        Assert.True(rules.HighPrecision >= HighPrecisionFloor, result.Format(listDisagreements: false));
        Assert.True(rules.HighRecall >= HighRecallFloor, result.Format(listDisagreements: false));
        Assert.True(rules.Agreement > result.Seed.Agreement + MarginOverOldTool, result.Format(listDisagreements: false));
    }

    /// <summary>The five hold-out sets, each labelled blind and measured before the rules saw it (eval/README.md has
    /// the figures at arrival): floors a little under today's, so that a change tuned on one set cannot quietly lose
    /// another.</summary>
    [Theory]
    [InlineData("eval/holdout", 0.84)]
    [InlineData("eval/holdout2", 0.81)]
    [InlineData("eval/holdout3", 0.69)]
    [InlineData("eval/holdout4", 0.77)]
    [InlineData("eval/holdout5", 0.71)]
    public void Every_hold_out_set_stays_above_its_floor_and_above_the_old_tool(string set, double floor)
    {
        var result = Evaluator.Evaluate(EvaluationSet.Load(SetDirectory(set)), ImportanceWeights.Default);

        Assert.Empty(result.Unlabelled);
        Assert.True(result.Rules.Agreement >= floor, result.Format(listDisagreements: false));
        Assert.True(result.Rules.Agreement > result.Seed.Agreement, result.Format(listDisagreements: false));
        Assert.Empty(result.RoleOnlyHigh.Select(c => $"{c.Repository} {c.Sha[..7]} {c.Title}"));
    }

    [Fact]
    public void No_docs_test_ci_or_lockfile_only_commit_is_high()
    {
        Assert.Empty(Result.Value.RoleOnlyHigh.Select(c => $"{c.Repository} {c.Sha[..7]} {c.Title}"));
    }

    [Fact]
    public void The_old_tools_rules_are_measured_as_its_specification_states_them()
    {
        // feat 8 + >500 lines 3 + core code 2 + more than 5 files 2 = 15: high; a docs typo: docs 2 + docs 0 = low.
        var feature = Gitbrief.Tests.Analysis.CommitBuilder.Message("feat: x").Files(6, i => $"src/a{i}.py", 100).Build();
        var typo = Gitbrief.Tests.Analysis.CommitBuilder.Message("docs: typo").File("README.md", 1, 1).Build();

        Assert.Equal(ImportanceLevel.High, SeedRules.Rank(feature));
        Assert.Equal(ImportanceLevel.Low, SeedRules.Rank(typo));
    }

    private static string SetDirectory(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(Path.Combine(candidate, "labels")) && File.Exists(Path.Combine(dir.FullName, "Gitbrief.slnx")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"no {name}/ above {AppContext.BaseDirectory}");
    }
}
