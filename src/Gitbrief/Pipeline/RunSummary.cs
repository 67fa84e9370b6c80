using Gitbrief.Analysis.Llm;

namespace Gitbrief.Pipeline;

/// <summary>The result of a run. Exit codes: 0 all good, 1 some repository or day failed (the others are written),
/// 3 every report was written but some LLM analyses fell back to the rules.</summary>
public sealed record RunSummary(IReadOnlyList<RepositoryOutcome> Repositories)
{
    /// <summary>What the LLM stage cost, when it ran.</summary>
    public LlmUsage? Llm { get; init; }

    /// <summary>Commits (and day highlights) whose LLM analysis failed, with the reason.</summary>
    public IReadOnlyList<LlmFallback> LlmFallbacks { get; init; } = [];

    /// <summary>What each publish target did (gitbrief run only).</summary>
    public IReadOnlyList<Publishing.TargetOutcome> Targets { get; init; } = [];

    /// <summary>The most serious problem decides: a failed repository (1), then a failed target (4), then
    /// LLM fallbacks (3).</summary>
    public int ExitCode =>
        !Repositories.All(r => r.Succeeded) ? ExitCodes.RepositoryFailed
        : Targets.Any(t => !t.Succeeded) ? ExitCodes.PublishFailed
        : LlmFallbacks.Count > 0 ? ExitCodes.LlmFallback
        : ExitCodes.Success;

    /// <summary>The runs of one request in several languages as one: each repository's reports together (its error,
    /// if any run had one), the LLM costs added up, every fallback and target outcome kept.</summary>
    public static RunSummary Combine(IReadOnlyList<RunSummary> runs)
    {
        var repositories = runs[0].Repositories
            .Select((first, index) =>
            {
                var outcomes = runs.Select(r => r.Repositories[index]).ToList();
                var errors = outcomes.Select(o => o.Error).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                return new RepositoryOutcome(first.Repository, [.. outcomes.SelectMany(o => o.Reports)], errors.Count > 0 ? string.Join("; ", errors) : null);
            })
            .ToList();
        var usages = runs.Select(r => r.Llm).OfType<LlmUsage>().ToList();
        return new RunSummary(repositories)
        {
            Llm = usages.Count > 0 ? usages.Aggregate((a, b) => a + b) : null,
            LlmFallbacks = [.. runs.SelectMany(r => r.LlmFallbacks)],
            Targets = [.. runs.SelectMany(r => r.Targets)],
        };
    }
}
