namespace Gitbrief.Analysis;

/// <summary>What the analysis stage produces for one commit.</summary>
public sealed record AnalyzedCommit(
    IReadOnlyList<ClassifiedFile> Files,
    ImportanceAssessment Importance,
    CommitAnalysis Analysis);
