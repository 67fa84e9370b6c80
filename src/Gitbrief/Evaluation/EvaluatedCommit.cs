using Gitbrief.Analysis;
using Gitbrief.Sources;

namespace Gitbrief.Evaluation;

/// <summary>One labelled commit with the level Gitbrief's rules and the old tool's rules gave it, the second
/// labeller's level when the set was labelled twice, and the configured model's opinion when <c>eval --llm</c> asked it.</summary>
internal sealed record EvaluatedCommit(
    string Repository,
    string Sha,
    string Title,
    ImportanceLevel Label,
    string Rationale,
    ImportanceLevel Rules,
    ImportanceLevel Seed,
    ImportanceAssessment Assessment,
    bool RoleOnly,
    ImportanceLevel? SecondLabel = null)
{
    /// <summary>The commit as a report reads it, and the rules' analysis of it: what the model is asked about.</summary>
    public required (CommitRecord Commit, AnalyzedCommit Analyzed) Source { get; init; }

    public ModelOpinion? Model { get; init; }
}
