using Gitbrief.Analysis;

namespace Gitbrief.Evaluation;

/// <summary>How one ranking agrees with the labels: exact agreement, precision and recall of high, the confusion
/// matrix (rows: label, columns: ranking; high, medium, low).</summary>
internal sealed record LevelMetrics(int Total, int Agreeing, int[,] Confusion)
{
    public double Agreement => Total == 0 ? 0 : (double)Agreeing / Total;

    public int PredictedHigh => Column(ImportanceLevel.High);

    public int LabelledHigh => Row(ImportanceLevel.High);

    public int TrueHigh => Confusion[Index(ImportanceLevel.High), Index(ImportanceLevel.High)];

    public double HighPrecision => PredictedHigh == 0 ? 0 : (double)TrueHigh / PredictedHigh;

    public double HighRecall => LabelledHigh == 0 ? 0 : (double)TrueHigh / LabelledHigh;

    public static LevelMetrics Of(IEnumerable<(ImportanceLevel Label, ImportanceLevel Ranked)> pairs)
    {
        var confusion = new int[3, 3];
        var total = 0;
        var agreeing = 0;
        foreach (var (label, ranked) in pairs)
        {
            confusion[Index(label), Index(ranked)]++;
            total++;
            agreeing += label == ranked ? 1 : 0;
        }
        return new LevelMetrics(total, agreeing, confusion);
    }

    /// <summary>High, medium, low: the order of the matrix's rows and columns.</summary>
    public static int Index(ImportanceLevel level) => level switch
    {
        ImportanceLevel.High => 0,
        ImportanceLevel.Medium => 1,
        _ => 2,
    };

    private int Row(ImportanceLevel level) => Enumerable.Range(0, 3).Sum(c => Confusion[Index(level), c]);

    private int Column(ImportanceLevel level) => Enumerable.Range(0, 3).Sum(r => Confusion[r, Index(level)]);
}
