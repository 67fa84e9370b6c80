namespace Gitbrief.Analysis.Llm;

/// <summary>A validated LLM answer for one commit: every string cleaned and bounded, every list capped.</summary>
internal sealed record LlmAnswer
{
    public required IReadOnlyList<ChangeType> ChangeTypes { get; init; }
    public ImportanceLevel? Importance { get; init; }

    /// <summary>The model's one-line rationale for <see cref="Importance"/>, shown in the "llm" reason.</summary>
    public string? ImportanceReason { get; init; }
    public required IReadOnlyList<string> Summary { get; init; }
    public IReadOnlyList<string> Impact { get; init; } = [];
    public IReadOnlyList<Insight> Architecture { get; init; } = [];
    public IReadOnlyList<Insight> Performance { get; init; } = [];
    public IReadOnlyList<Insight> Security { get; init; } = [];
    public IReadOnlyList<string> Risks { get; init; } = [];
    public IReadOnlyList<string> Recommendations { get; init; } = [];

    /// <summary>The analysis shown in the report: the LLM's text, the rules' data-backed components, and
    /// the rules' breaking/security/revert markers kept even if the model missed them.</summary>
    public CommitAnalysis ToAnalysis(CommitAnalysis rules)
    {
        var markers = rules.ChangeTypes.Where(t => t is ChangeType.Breaking or ChangeType.Security or ChangeType.Revert);
        var types = (ChangeTypes.Count > 0 ? ChangeTypes : rules.ChangeTypes).Concat(markers).Distinct().ToList();
        return new CommitAnalysis
        {
            Source = AnalysisSource.Llm,
            ChangeTypes = types,
            Summary = Summary,
            Components = rules.Components,
            Impact = Impact,
            Insights = new TechnicalInsights(Architecture, Performance, Security),
            Risks = Risks,
            Recommendations = Recommendations,
            LlmImportance = Importance,
        };
    }
}
