namespace Gitbrief.Pipeline;

/// <summary>What happened to one repository in a run: its reports, the days it could not report (each with the
/// reason) while the others were written, or the error that stopped it altogether.</summary>
public sealed record RepositoryOutcome(string Repository, IReadOnlyList<ReportOutput> Reports, string? Error)
{
    public IReadOnlyList<DayFailure> FailedDays { get; init; } = [];

    public bool Succeeded => Error is null && FailedDays.Count == 0;
}
