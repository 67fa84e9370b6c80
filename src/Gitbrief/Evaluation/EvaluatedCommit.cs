using Gitbrief.Analysis;

namespace Gitbrief.Evaluation;

/// <summary>One labelled commit with the level Gitbrief's rules and the old tool's rules gave it, and the second
/// labeller's level when the set was labelled twice.</summary>
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
    ImportanceLevel? SecondLabel = null);
