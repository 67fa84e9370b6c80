namespace Gitbrief.Analysis;

/// <summary>The rules' verdict on a commit: its level, the score, and the reasons that produced it.</summary>
public sealed record ImportanceAssessment(ImportanceLevel Level, int Score, IReadOnlyList<ScoreReason> Reasons)
{
    /// <summary>Set by a reader's <c>watch:</c> mute rule: the commit is low and stays out of highlights, themes and
    /// digests (it is still listed with every other commit).</summary>
    public bool Muted { get; init; }
}
