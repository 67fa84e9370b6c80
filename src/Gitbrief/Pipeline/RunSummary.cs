namespace Gitbrief.Pipeline;

/// <summary>One report produced in a run.</summary>
public sealed record ReportOutput(string Repository, DateOnly Day, int Commits, IReadOnlyList<string> Files, string? Markdown)
{
    /// <summary>SHA-256 of the Markdown report.</summary>
    public string Hash { get; init; } = string.Empty;
}

/// <summary>What happened to one repository in a run.</summary>
public sealed record RepositoryOutcome(string Repository, IReadOnlyList<ReportOutput> Reports, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>The result of a run. Exit codes: 0 all good, 1 some repository failed (the others are written).</summary>
public sealed record RunSummary(IReadOnlyList<RepositoryOutcome> Repositories)
{
    public int ExitCode => Repositories.All(r => r.Succeeded) ? ExitCodes.Success : ExitCodes.RepositoryFailed;
}
