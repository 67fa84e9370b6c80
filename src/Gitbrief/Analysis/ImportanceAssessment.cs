namespace Gitbrief.Analysis;

/// <summary>The rules' verdict on a commit: its level, the score, and the reasons that produced it.</summary>
internal sealed record ImportanceAssessment(ImportanceLevel Level, int Score, IReadOnlyList<ScoreReason> Reasons)
{
    /// <summary>The reason code of the hold: a feature or fix kept at medium for want of a high signal.</summary>
    public const string HoldCode = "no-high-signal";

    private static readonly HashSet<string> BaseCodes = new(StringComparer.Ordinal) { "type", "size", "files", "scope", "sensitive-files", "dependencies" };

    /// <summary>The codes of the signals beyond the base terms (hardening, core, periphery, day-cap…), in reason order.</summary>
    public IReadOnlyList<string> Signals => Reasons.Select(r => r.Code).Where(c => !BaseCodes.Contains(c)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The score before the rules held a feature or fix at medium for want of a high signal (the
    /// <c>no-high-signal</c> reason's points given back): how much the commit weighs among the day's other mediums.</summary>
    public int ScoreBeforeHold => Score - Reasons.Where(r => r.Code == HoldCode).Sum(r => r.Points);

    /// <summary>Set by a reader's <c>watch:</c> mute rule: the commit is low and stays out of highlights, themes and
    /// digests (it is still listed with every other commit).</summary>
    public bool Muted { get; init; }
}
