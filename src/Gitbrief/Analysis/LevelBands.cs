using Gitbrief.Configuration;

namespace Gitbrief.Analysis;

/// <summary>Moves an assessment to a level decided after the scorer (a watch rule, the LLM, a hybrid bound) the
/// way the scorer itself forces and caps: by a reason whose points bring the score into the level's band
/// (high ≥ thresholds.high, medium ≥ thresholds.medium, else low), so the score stays the sum of the reasons.</summary>
internal static class LevelBands
{
    /// <summary>The assessment at <paramref name="level"/> with a reason saying why. The reason is added even when the
    /// level does not change (with 0 points): the reader sees every rule and opinion that had a say.</summary>
    public static ImportanceAssessment Settle(
        this ImportanceAssessment assessment, ImportanceLevel level, string code, string detail, ImportanceWeights weights)
    {
        var points = level == assessment.Level ? 0 : PointsToReach(level, assessment.Score, weights);
        return assessment with
        {
            Level = level,
            Score = assessment.Score + points,
            Reasons = [.. assessment.Reasons, new ScoreReason(code, points, detail)],
        };
    }

    /// <summary>The points that bring <paramref name="score"/> into <paramref name="level"/>'s band (0 when it is in it).</summary>
    public static int PointsToReach(ImportanceLevel level, int score, ImportanceWeights weights) => level switch
    {
        ImportanceLevel.High => Math.Max(0, weights.HighThreshold - score),
        ImportanceLevel.Medium => score >= weights.HighThreshold ? weights.HighThreshold - 1 - score
            : score < weights.MediumThreshold ? weights.MediumThreshold - score
            : 0,
        _ => Math.Min(0, weights.MediumThreshold - 1 - score),
    };

    /// <summary>The more important of two levels.</summary>
    public static ImportanceLevel AtLeast(this ImportanceLevel level, ImportanceLevel floor) => level < floor ? level : floor;

    /// <summary>The less important of two levels.</summary>
    public static ImportanceLevel AtMost(this ImportanceLevel level, ImportanceLevel ceiling) => level > ceiling ? level : ceiling;
}
