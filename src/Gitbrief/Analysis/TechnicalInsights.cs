namespace Gitbrief.Analysis;

/// <summary>Technical insights of a high-importance commit, by aspect.</summary>
internal sealed record TechnicalInsights(
    IReadOnlyList<Insight> Architecture,
    IReadOnlyList<Insight> Performance,
    IReadOnlyList<Insight> Security);
