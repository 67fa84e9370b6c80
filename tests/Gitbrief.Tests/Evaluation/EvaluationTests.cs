using System.Text.RegularExpressions;
using Gitbrief.Analysis;
using Gitbrief.Configuration;
using Gitbrief.Evaluation;

namespace Gitbrief.Tests.Evaluation;

/// <summary>The ranking against the hand-labelled set in eval/ (docs/evaluation.md): a regression below the floors
/// fails CI.</summary>
public sealed partial class EvaluationTests
{
    /// <summary>Floors a little under today's figures on 514 commits of 17 repositories (90.5% agreement, high
    /// precision 86.4%, recall 55.9%, 36 points above the old tool). Recall stands lower than the 73.5% it once had:
    /// a new capability is medium since four blind sets labelled 17 of 22 such commits medium (an added op, option or
    /// command reaches only those who use it), and five of the set's highs were of that kind; a fix of wrong results
    /// (not a crash) is medium since 12 of the 15 such fixes over all sets were labelled below high.</summary>
    private const double AgreementFloor = 0.89;
    private const double HighPrecisionFloor = 0.80;
    private const double HighRecallFloor = 0.55;

    /// <summary>Over all 227 hold-out sets together (28,544 commits, 1,738 high): high precision 75.5%, recall 51.2% — the 36
    /// sets measured blind in the thirty-first session bring 207 highs, of which the rules find 54; over the first 191 sets
    /// 77.4%, 54.4%; the 24 sets measured blind in the thirtieth session bring 94 highs, of which the rules find 16 (the new
    /// capabilities and breaking changes their titles do not tell); before them, over 167 sets: 78.2%, 56.9%
    /// (the thirteenth and the 101st hold security releases whose fixes mostly never say so: 26 highs of which the rules find
    /// 11, 31 of which they find 9; the 53 sets measured blind since the twenty-fifth session bring 307 highs, of which
    /// the rules find 130).</summary>
    private const double HoldOutPrecisionFloor = 0.75;
    private const double HoldOutRecallFloor = 0.51;

    private static readonly string[] HoldOuts =
        ["eval/holdout", "eval/holdout2", "eval/holdout3", "eval/holdout4", "eval/holdout5", "eval/holdout6", "eval/holdout7", "eval/holdout8", "eval/holdout9", "eval/holdout10", "eval/holdout11",
         "eval/holdout12", "eval/holdout13", "eval/holdout14", "eval/holdout15", "eval/holdout16", "eval/holdout17", "eval/holdout18", "eval/holdout19",
         "eval/holdout20", "eval/holdout21", "eval/holdout22", "eval/holdout23", "eval/holdout24", "eval/holdout25", "eval/holdout26", "eval/holdout27", "eval/holdout28", "eval/holdout29",
         "eval/holdout30", "eval/holdout31", "eval/holdout32", "eval/holdout33", "eval/holdout34", "eval/holdout35", "eval/holdout36", "eval/holdout37", "eval/holdout38", "eval/holdout39",
         "eval/holdout40", "eval/holdout41", "eval/holdout42", "eval/holdout43", "eval/holdout44", "eval/holdout45",
         "eval/holdout46", "eval/holdout47", "eval/holdout48", "eval/holdout49", "eval/holdout50", "eval/holdout51", "eval/holdout52", "eval/holdout53",
         "eval/holdout54", "eval/holdout55", "eval/holdout56", "eval/holdout57",
         "eval/holdout58", "eval/holdout59", "eval/holdout60", "eval/holdout61", "eval/holdout62", "eval/holdout63", "eval/holdout64",
         "eval/holdout65", "eval/holdout66", "eval/holdout67", "eval/holdout68", "eval/holdout69", "eval/holdout70",
         "eval/holdout71", "eval/holdout72", "eval/holdout73",
         "eval/holdout74", "eval/holdout75", "eval/holdout76", "eval/holdout77", "eval/holdout78", "eval/holdout79", "eval/holdout80", "eval/holdout81",
         "eval/holdout82", "eval/holdout83", "eval/holdout84", "eval/holdout85", "eval/holdout86", "eval/holdout87",
         "eval/holdout88", "eval/holdout89", "eval/holdout90", "eval/holdout91", "eval/holdout92", "eval/holdout93",
         "eval/holdout94", "eval/holdout95", "eval/holdout96", "eval/holdout97", "eval/holdout98", "eval/holdout99",
         "eval/holdout100", "eval/holdout101", "eval/holdout102",
         "eval/holdout103", "eval/holdout104", "eval/holdout105", "eval/holdout106", "eval/holdout107", "eval/holdout108",
         "eval/holdout109", "eval/holdout110", "eval/holdout111",
         "eval/holdout112", "eval/holdout113", "eval/holdout114",
         "eval/holdout115", "eval/holdout116", "eval/holdout117", "eval/holdout118", "eval/holdout119", "eval/holdout120",
         "eval/holdout121", "eval/holdout122", "eval/holdout123", "eval/holdout124", "eval/holdout125",
         "eval/holdout126", "eval/holdout127", "eval/holdout128", "eval/holdout129", "eval/holdout130",
         "eval/holdout131", "eval/holdout132", "eval/holdout133", "eval/holdout134", "eval/holdout135",
         "eval/holdout136", "eval/holdout137", "eval/holdout138", "eval/holdout139", "eval/holdout140",
         "eval/holdout141", "eval/holdout142", "eval/holdout143", "eval/holdout144", "eval/holdout145",
         "eval/holdout146", "eval/holdout147", "eval/holdout148", "eval/holdout149", "eval/holdout150",
         "eval/holdout151", "eval/holdout152", "eval/holdout153", "eval/holdout154", "eval/holdout155", "eval/holdout156",
         "eval/holdout157", "eval/holdout158", "eval/holdout159", "eval/holdout160", "eval/holdout161",
         "eval/holdout162", "eval/holdout163", "eval/holdout164", "eval/holdout165", "eval/holdout166", "eval/holdout167",
         "eval/holdout168", "eval/holdout169", "eval/holdout170", "eval/holdout171", "eval/holdout172", "eval/holdout173",
         "eval/holdout174", "eval/holdout175", "eval/holdout176", "eval/holdout177", "eval/holdout178", "eval/holdout179",
         "eval/holdout180", "eval/holdout181", "eval/holdout182", "eval/holdout183", "eval/holdout184", "eval/holdout185",
         "eval/holdout186", "eval/holdout187", "eval/holdout188", "eval/holdout189", "eval/holdout190", "eval/holdout191",
         "eval/holdout192", "eval/holdout193", "eval/holdout194", "eval/holdout195", "eval/holdout196", "eval/holdout197", "eval/holdout198", "eval/holdout199", "eval/holdout200",
         "eval/holdout201", "eval/holdout202", "eval/holdout203", "eval/holdout204", "eval/holdout205", "eval/holdout206", "eval/holdout207", "eval/holdout208", "eval/holdout209",
         "eval/holdout210", "eval/holdout211", "eval/holdout212", "eval/holdout213", "eval/holdout214", "eval/holdout215", "eval/holdout216", "eval/holdout217", "eval/holdout218",
         "eval/holdout219", "eval/holdout220", "eval/holdout221", "eval/holdout222", "eval/holdout223", "eval/holdout224", "eval/holdout225", "eval/holdout226", "eval/holdout227"];

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

    /// <summary>The hold-out sets, each labelled blind and measured before the rules saw it (docs/evaluation.md has
    /// the figures at arrival): floors a little under today's, so that a change tuned on one set cannot quietly lose
    /// another.</summary>
    [Theory]
    [InlineData("eval/holdout", 0.84)]
    [InlineData("eval/holdout2", 0.84)]
    [InlineData("eval/holdout3", 0.73)]
    [InlineData("eval/holdout4", 0.81)]
    [InlineData("eval/holdout5", 0.72)]
    [InlineData("eval/holdout6", 0.81)]
    [InlineData("eval/holdout7", 0.84)]
    [InlineData("eval/holdout8", 0.81)]
    [InlineData("eval/holdout9", 0.70)]
    [InlineData("eval/holdout10", 0.70)]
    [InlineData("eval/holdout11", 0.73)]
    [InlineData("eval/holdout12", 0.75)]
    [InlineData("eval/holdout13", 0.75)]
    [InlineData("eval/holdout14", 0.81)]
    [InlineData("eval/holdout15", 0.70)]
    [InlineData("eval/holdout16", 0.71)]
    [InlineData("eval/holdout17", 0.82)]
    [InlineData("eval/holdout18", 0.73)]
    [InlineData("eval/holdout19", 0.79)]
    [InlineData("eval/holdout20", 0.79)]
    [InlineData("eval/holdout21", 0.79)]
    [InlineData("eval/holdout22", 0.81)]
    [InlineData("eval/holdout23", 0.74)]
    [InlineData("eval/holdout24", 0.76)]
    [InlineData("eval/holdout25", 0.76)]
    [InlineData("eval/holdout26", 0.81)]
    [InlineData("eval/holdout27", 0.76)]
    [InlineData("eval/holdout28", 0.85)]
    [InlineData("eval/holdout29", 0.71)]
    [InlineData("eval/holdout30", 0.74)]
    [InlineData("eval/holdout31", 0.70)]
    [InlineData("eval/holdout32", 0.73)]
    [InlineData("eval/holdout33", 0.64)]
    [InlineData("eval/holdout34", 0.84)]
    [InlineData("eval/holdout35", 0.75)]
    [InlineData("eval/holdout36", 0.77)]
    [InlineData("eval/holdout37", 0.77)]
    [InlineData("eval/holdout38", 0.77)]
    [InlineData("eval/holdout39", 0.71)]
    [InlineData("eval/holdout40", 0.76)]
    [InlineData("eval/holdout41", 0.71)]
    [InlineData("eval/holdout42", 0.74)]
    [InlineData("eval/holdout43", 0.72)]
    [InlineData("eval/holdout44", 0.82)]
    [InlineData("eval/holdout45", 0.68)]
    [InlineData("eval/holdout46", 0.73)]
    [InlineData("eval/holdout47", 0.71)]
    [InlineData("eval/holdout48", 0.79)]
    [InlineData("eval/holdout49", 0.73)]
    [InlineData("eval/holdout50", 0.79)]
    [InlineData("eval/holdout51", 0.83)]
    [InlineData("eval/holdout52", 0.69)]
    [InlineData("eval/holdout53", 0.77)]
    [InlineData("eval/holdout54", 0.70)]
    [InlineData("eval/holdout55", 0.62)]
    [InlineData("eval/holdout56", 0.80)]
    [InlineData("eval/holdout57", 0.79)]
    [InlineData("eval/holdout58", 0.76)]
    [InlineData("eval/holdout59", 0.84)]
    [InlineData("eval/holdout60", 0.71)]
    [InlineData("eval/holdout61", 0.79)]
    [InlineData("eval/holdout62", 0.80)]
    [InlineData("eval/holdout63", 0.71)]
    [InlineData("eval/holdout64", 0.71)]
    [InlineData("eval/holdout65", 0.59)]
    [InlineData("eval/holdout66", 0.68)]
    [InlineData("eval/holdout67", 0.84)]
    [InlineData("eval/holdout68", 0.80)]
    [InlineData("eval/holdout69", 0.80)]
    [InlineData("eval/holdout70", 0.91)]
    [InlineData("eval/holdout71", 0.85)]
    [InlineData("eval/holdout72", 0.70)]
    [InlineData("eval/holdout73", 0.90)]
    [InlineData("eval/holdout74", 0.65)]
    [InlineData("eval/holdout75", 0.79)]
    [InlineData("eval/holdout76", 0.79)]
    [InlineData("eval/holdout77", 0.88)]
    [InlineData("eval/holdout78", 0.71)]
    [InlineData("eval/holdout79", 0.65)]
    [InlineData("eval/holdout80", 0.73)]
    [InlineData("eval/holdout81", 0.80)]
    [InlineData("eval/holdout82", 0.85)]
    [InlineData("eval/holdout83", 0.76)]
    [InlineData("eval/holdout84", 0.82)]
    [InlineData("eval/holdout85", 0.68)]
    [InlineData("eval/holdout86", 0.74)]
    [InlineData("eval/holdout87", 0.71)]
    [InlineData("eval/holdout88", 0.86)]
    [InlineData("eval/holdout89", 0.79)]
    [InlineData("eval/holdout90", 0.84)]
    [InlineData("eval/holdout91", 0.69)]
    [InlineData("eval/holdout92", 0.81)]
    [InlineData("eval/holdout93", 0.71)]
    [InlineData("eval/holdout94", 0.72)]
    [InlineData("eval/holdout95", 0.71)]
    [InlineData("eval/holdout96", 0.64)]
    [InlineData("eval/holdout97", 0.87)]
    [InlineData("eval/holdout98", 0.82)]
    [InlineData("eval/holdout99", 0.71)]
    [InlineData("eval/holdout100", 0.79)]
    [InlineData("eval/holdout101", 0.61)]
    [InlineData("eval/holdout102", 0.76)]
    [InlineData("eval/holdout103", 0.74)]
    [InlineData("eval/holdout104", 0.75)]
    [InlineData("eval/holdout105", 0.87)]
    [InlineData("eval/holdout106", 0.68)]
    [InlineData("eval/holdout107", 0.84)]
    [InlineData("eval/holdout108", 0.71)]
    [InlineData("eval/holdout109", 0.74)]
    [InlineData("eval/holdout110", 0.77)]
    [InlineData("eval/holdout111", 0.88)]
    [InlineData("eval/holdout112", 0.78)]
    [InlineData("eval/holdout113", 0.86)]
    [InlineData("eval/holdout114", 0.62)]
    // The sets of the twenty-fifth session and after (holdout120, where the old tool's 77.7% stands above the rules' 76.6%,
    // is in the pooled floors only: its days are small fixes the old tool's size points happen to rank medium).
    [InlineData("eval/holdout115", 0.67)]
    [InlineData("eval/holdout116", 0.78)]
    [InlineData("eval/holdout117", 0.72)]
    [InlineData("eval/holdout118", 0.78)]
    [InlineData("eval/holdout119", 0.67)]
    [InlineData("eval/holdout121", 0.73)]
    [InlineData("eval/holdout122", 0.83)]
    [InlineData("eval/holdout123", 0.81)]
    [InlineData("eval/holdout124", 0.85)]
    [InlineData("eval/holdout125", 0.82)]
    [InlineData("eval/holdout126", 0.80)]
    [InlineData("eval/holdout127", 0.79)]
    [InlineData("eval/holdout128", 0.88)]
    [InlineData("eval/holdout129", 0.77)]
    [InlineData("eval/holdout130", 0.75)]
    [InlineData("eval/holdout131", 0.79)]
    [InlineData("eval/holdout132", 0.84)]
    [InlineData("eval/holdout133", 0.82)]
    [InlineData("eval/holdout134", 0.79)]
    [InlineData("eval/holdout135", 0.67)]
    [InlineData("eval/holdout136", 0.81)]
    [InlineData("eval/holdout137", 0.75)]
    [InlineData("eval/holdout138", 0.76)]
    [InlineData("eval/holdout139", 0.63)]
    [InlineData("eval/holdout140", 0.73)]
    [InlineData("eval/holdout141", 0.69)]
    [InlineData("eval/holdout142", 0.77)]
    [InlineData("eval/holdout143", 0.77)]
    [InlineData("eval/holdout144", 0.85)]
    [InlineData("eval/holdout145", 0.80)]
    [InlineData("eval/holdout146", 0.87)]
    [InlineData("eval/holdout147", 0.77)]
    [InlineData("eval/holdout148", 0.67)]
    [InlineData("eval/holdout149", 0.71)]
    [InlineData("eval/holdout150", 0.76)]
    [InlineData("eval/holdout151", 0.70)]
    [InlineData("eval/holdout152", 0.78)]
    [InlineData("eval/holdout153", 0.79)]
    [InlineData("eval/holdout154", 0.76)]
    [InlineData("eval/holdout155", 0.76)]
    [InlineData("eval/holdout156", 0.81)]
    [InlineData("eval/holdout157", 0.76)]
    [InlineData("eval/holdout158", 0.86)]
    [InlineData("eval/holdout159", 0.75)]
    [InlineData("eval/holdout160", 0.74)]
    [InlineData("eval/holdout161", 0.93)]
    [InlineData("eval/holdout162", 0.67)]
    [InlineData("eval/holdout163", 0.80)]
    [InlineData("eval/holdout164", 0.73)]
    [InlineData("eval/holdout165", 0.81)]
    [InlineData("eval/holdout166", 0.87)]
    [InlineData("eval/holdout167", 0.72)]
    [InlineData("eval/holdout168", 0.83)]
    [InlineData("eval/holdout169", 0.82)]
    [InlineData("eval/holdout170", 0.84)]
    [InlineData("eval/holdout171", 0.70)]
    [InlineData("eval/holdout172", 0.76)]
    [InlineData("eval/holdout173", 0.68)]
    [InlineData("eval/holdout174", 0.79)]
    [InlineData("eval/holdout175", 0.87)]
    [InlineData("eval/holdout176", 0.86)]
    [InlineData("eval/holdout177", 0.90)]
    [InlineData("eval/holdout178", 0.78)]
    [InlineData("eval/holdout179", 0.76)]
    [InlineData("eval/holdout180", 0.79)]
    [InlineData("eval/holdout181", 0.75)]
    [InlineData("eval/holdout182", 0.80)]
    [InlineData("eval/holdout183", 0.80)]
    [InlineData("eval/holdout184", 0.81)]
    [InlineData("eval/holdout185", 0.94)]
    [InlineData("eval/holdout186", 0.69)]
    [InlineData("eval/holdout187", 0.81)]
    [InlineData("eval/holdout188", 0.85)]
    [InlineData("eval/holdout189", 0.73)]
    [InlineData("eval/holdout190", 0.72)]
    [InlineData("eval/holdout191", 0.82)]
    [InlineData("eval/holdout192", 0.77)]
    [InlineData("eval/holdout193", 0.78)]
    [InlineData("eval/holdout194", 0.70)]
    [InlineData("eval/holdout195", 0.74)]
    [InlineData("eval/holdout196", 0.77)]
    [InlineData("eval/holdout197", 0.63)]
    [InlineData("eval/holdout198", 0.69)]
    [InlineData("eval/holdout199", 0.83)]
    [InlineData("eval/holdout200", 0.78)]
    [InlineData("eval/holdout201", 0.72)]
    [InlineData("eval/holdout202", 0.69)]
    [InlineData("eval/holdout203", 0.82)]
    [InlineData("eval/holdout204", 0.81)]
    [InlineData("eval/holdout205", 0.64)]
    [InlineData("eval/holdout206", 0.67)]
    [InlineData("eval/holdout207", 0.89)]
    [InlineData("eval/holdout208", 0.79)]
    [InlineData("eval/holdout209", 0.84)]
    [InlineData("eval/holdout210", 0.82)]
    [InlineData("eval/holdout211", 0.83)]
    [InlineData("eval/holdout212", 0.82)]
    [InlineData("eval/holdout213", 0.74)]
    [InlineData("eval/holdout214", 0.82)]
    [InlineData("eval/holdout215", 0.87)]
    [InlineData("eval/holdout216", 0.79)]
    [InlineData("eval/holdout217", 0.77)]
    [InlineData("eval/holdout218", 0.82)]
    [InlineData("eval/holdout219", 0.76)]
    [InlineData("eval/holdout220", 0.66)]
    [InlineData("eval/holdout221", 0.72)]
    [InlineData("eval/holdout222", 0.86)]
    [InlineData("eval/holdout223", 0.77)]
    [InlineData("eval/holdout224", 0.77)]
    [InlineData("eval/holdout225", 0.74)]
    [InlineData("eval/holdout226", 0.90)]
    [InlineData("eval/holdout227", 0.73)]
    /// <summary>Each set above its floor and never below the old tool, whose rules rank most commits low: on a day of mostly
    /// low commits (holdout164, 93 of 132 labelled low) it can tie with the rules.</summary>
    public void Every_hold_out_set_stays_above_its_floor_and_never_below_the_old_tool(string set, double floor)
    {
        var result = Evaluator.Evaluate(EvaluationSet.Load(SetDirectory(set)), ImportanceWeights.Default);

        Assert.Empty(result.Unlabelled);
        Assert.True(result.Rules.Agreement >= floor, result.Format(listDisagreements: false));
        Assert.True(result.Rules.Agreement >= result.Seed.Agreement, result.Format(listDisagreements: false));
        Assert.Empty(result.RoleOnlyHigh.Select(c => $"{c.Repository} {c.Sha[..7]} {c.Title}"));
    }

    [Fact]
    public void Over_all_hold_out_sets_high_precision_and_recall_stay_above_their_floors()
    {
        var pooled = Evaluator.Evaluate(EvaluationSet.Load(HoldOuts.Select(SetDirectory).ToList()), ImportanceWeights.Default).Commits;
        var rules = LevelMetrics.Of(pooled.Select(c => (c.Label, c.Rules)));

        Assert.True(pooled.Count >= 28500, $"{pooled.Count} hold-out commits");
        Assert.True(rules.HighPrecision >= HoldOutPrecisionFloor, $"high precision {rules.HighPrecision:P1} ({rules.TrueHigh}/{rules.PredictedHigh})");
        Assert.True(rules.HighRecall >= HoldOutRecallFloor, $"high recall {rules.HighRecall:P1} ({rules.TrueHigh}/{rules.LabelledHigh})");
    }

    /// <summary><c>gitbrief eval --data A B</c> pools the sets: every commit of each once, the figures over all of them.</summary>
    [Fact]
    public void Several_sets_given_together_are_measured_as_one()
    {
        var sets = new[] { SetDirectory("eval/holdout5"), SetDirectory("eval/holdout12") };
        var each = sets.Select(set => Evaluator.Evaluate(EvaluationSet.Load(set), ImportanceWeights.Default)).ToList();
        var agreeing = each.Sum(r => r.Rules.Agreeing);
        var total = each.Sum(r => r.Commits.Count);
        var repositories = each.SelectMany(r => r.Commits.Select(c => c.Repository)).Distinct().Count();

        var text = EvaluationCommands.Evaluate(sets, disagreements: false);

        Assert.StartsWith($"{total} labelled commits from {repositories} repositories\n", text, StringComparison.Ordinal);
        Assert.Contains($"| gitbrief rules | {(100.0 * agreeing / total).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}% ({agreeing}/{total}) |", text, StringComparison.Ordinal);
    }

    /// <summary>The labelled repositories' own text may name absolute paths (a Dockerfile's home directory of root, a test's
    /// temporary directory); in the captured data their leading slash is the JSON escape <c>\u002f</c>, so the decoded text
    /// is the commit's own and no file of the sets reads as a path of the machine that captured it, not even escaped as
    /// <c>\/</c>.</summary>
    [Fact]
    public void No_file_of_the_sets_holds_an_absolute_path_of_a_machine()
    {
        var eval = Directory.GetParent(SetDirectory("eval"))!.FullName;
        var found = Directory.EnumerateFiles(Path.Combine(eval, "eval"), "*", SearchOption.AllDirectories)
            .SelectMany(file => MachinePath().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetRelativePath(eval, file)}: {m.Value}"))
            .Take(5)
            .ToList();

        Assert.Empty(found);
    }

    /// <summary>Eight sets were labelled a second time by someone who never saw the first labels (docs/evaluation.md, "How
    /// far two labellers agree"): every commit of them twice, and eval prints both labellings' agreement.</summary>
    [Theory]
    [InlineData("eval/holdout5")]
    [InlineData("eval/holdout47")]
    [InlineData("eval/holdout83")]
    [InlineData("eval/holdout110")]
    [InlineData("eval/holdout12")]
    [InlineData("eval/holdout31")]
    [InlineData("eval/holdout66")]
    [InlineData("eval/holdout101")]
    public void A_set_labelled_twice_shows_how_far_the_two_labellers_agree(string set)
    {
        var result = Evaluator.Evaluate(EvaluationSet.Load(SetDirectory(set)), ImportanceWeights.Default);
        var second = result.SecondLabeller;

        Assert.Equal(result.Commits.Count, result.LabelledTwice.Count);
        Assert.True(second.Agreement >= 0.85, result.Format(listDisagreements: false));
        Assert.Contains($"| second labeller ({second.Total} commits labelled twice) | {second.Agreement * 100:0.0}% ({second.Agreeing}/{second.Total}) |",
            result.Format(listDisagreements: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Commits_labelled_twice_in_part_of_a_set_are_measured_on_their_own_beside_the_rules()
    {
        using var copy = new Gitbrief.Tests.Support.TempDirectory("gitbrief-eval");
        var source = SetDirectory("eval/holdout66");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
        {
            var target = Path.Combine(copy.Path, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(copy.Path, "labels-second")).Where(f => !f.EndsWith("love2d__love.jsonl", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        var text = EvaluationCommands.Evaluate([copy.Path], disagreements: false);

        Assert.Contains("| second labeller (23 commits labelled twice) |", text, StringComparison.Ordinal);
        Assert.Contains("| gitbrief rules on those 23 |", text, StringComparison.Ordinal);
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

    /// <summary>An absolute path under a folder every machine has (after a quote, a space, <c>=</c>, <c>:</c> … or an
    /// escaped line break), not a repository's own <c>features/home/…</c>.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.\-~])/(root|tmp|home|work|var/tmp)/|\\[ntr]/(root|tmp|home|work|var/tmp)/")]
    private static partial Regex MachinePath();
}
