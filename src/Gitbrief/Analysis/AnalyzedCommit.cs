namespace Gitbrief.Analysis;

/// <summary>What the analysis stage produces for one commit.</summary>
internal sealed record AnalyzedCommit(
    IReadOnlyList<ClassifiedFile> Files,
    ImportanceAssessment Importance,
    CommitAnalysis Analysis)
{
    /// <summary>The rules' own verdict, before the reader's watch rules: what the LLM modes start from and bound.
    /// The same as <see cref="Importance"/> when no watch rule matched.</summary>
    public ImportanceAssessment Scored { get; init; } = Importance;
}
