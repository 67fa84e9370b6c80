using Gitbrief.Analysis.Llm;

namespace Gitbrief.Pipeline;

/// <summary>One report produced in a run.</summary>
public sealed record ReportOutput(string Repository, DateOnly Day, int Commits, IReadOnlyList<string> Files, string? Markdown)
{
    /// <summary>SHA-256 of the Markdown report.</summary>
    public string Hash { get; init; } = string.Empty;

    /// <summary>The day was not over: the report is marked partial.</summary>
    public bool Partial { get; init; }

    /// <summary>What the publish targets deliver: the report and its rendered text (set unless the repository failed).</summary>
    internal Publishing.PublishedReport? Published { get; init; }
}

/// <summary>What happened to one repository in a run: its reports, the days it could not report (each with the
/// reason) while the others were written, or the error that stopped it altogether.</summary>
public sealed record RepositoryOutcome(string Repository, IReadOnlyList<ReportOutput> Reports, string? Error)
{
    public IReadOnlyList<DayFailure> FailedDays { get; init; } = [];

    public bool Succeeded => Error is null && FailedDays.Count == 0;
}

/// <summary>A day of a repository that could not be reported, and why (one line).</summary>
public sealed record DayFailure(DateOnly Day, string Reason);

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
