namespace Gitbrief.Store;

/// <summary>The status of every repository-day unit of work (<see cref="WorkUnitKey"/>): done with its report's hash,
/// or failed with the reason.</summary>
internal interface IWorkUnitStore
{
    /// <summary>Records the outcome of a unit (insert or replace: doing a unit again gives the same report).</summary>
    Task RecordAsync(WorkUnitRecord record, CancellationToken cancellationToken);

    /// <summary>Keeps a finished unit's reports, records its outcome and releases its claim, all in one transaction: after
    /// a crash the unit is either wholly done or not at all.</summary>
    Task CompleteAsync(UnitCompletion completion, CancellationToken cancellationToken);

    Task<WorkUnitRecord?> FindAsync(WorkUnitKey key, CancellationToken cancellationToken);

    /// <summary>Every unit recorded for the days <paramref name="first"/> to <paramref name="last"/> (inclusive), sorted by
    /// day, repository, time zone and variant.</summary>
    Task<IReadOnlyList<WorkUnitRecord>> ListAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}
