namespace Gitbrief.Analysis;

/// <summary>The rules' verdict on a commit: its level, the score, and the reasons that produced it.</summary>
public sealed record ImportanceAssessment(ImportanceLevel Level, int Score, IReadOnlyList<ScoreReason> Reasons);
