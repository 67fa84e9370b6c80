namespace Gitbrief.Analysis;

/// <summary>The analysis of one commit, already in the report's language. Every commit of a level
/// gets the same fields filled: low has types + summary; medium adds impact and recommendations;
/// high adds insights and risks. Lists may be empty but are never null.</summary>
internal sealed record CommitAnalysis
{
    public required AnalysisSource Source { get; init; }
    public required IReadOnlyList<ChangeType> ChangeTypes { get; init; }

    /// <summary>The conventional scope, <c>[tag]</c> or <c>area:</c> prefix of the title, if any.</summary>
    public string? Scope { get; init; }

    /// <summary>Summary points (one sentence each).</summary>
    public required IReadOnlyList<string> Summary { get; init; }

    public IReadOnlyList<ImpactedComponent> Components { get; init; } = [];

    /// <summary>Impact-scope statements beyond the component list (e.g. "public API files changed").</summary>
    public IReadOnlyList<string> Impact { get; init; } = [];

    public TechnicalInsights? Insights { get; init; }
    public IReadOnlyList<string> Risks { get; init; } = [];
    public IReadOnlyList<string> Recommendations { get; init; } = [];

    /// <summary>The LLM's own view of the commit's importance, recorded beside the rules' verdict.</summary>
    public ImportanceLevel? LlmImportance { get; init; }

    /// <summary>Set when this analysis replaced a failed LLM analysis: why it fell back.</summary>
    public string? FallbackReason { get; init; }
}
