namespace Gitbrief.Store;

/// <summary>The rendered reports themselves, one per unit of work and format: what a worker on one machine wrote is
/// there for the publish job on another.</summary>
internal interface IReportStore
{
    /// <summary>Keeps a rendered report (insert or replace).</summary>
    Task SaveReportAsync(StoredReport report, CancellationToken cancellationToken);

    /// <summary>The report of a unit in a format (md, json), or null.</summary>
    Task<StoredReport?> FindReportAsync(WorkUnitKey unit, string format, CancellationToken cancellationToken);

    /// <summary>Every report kept for the day, sorted by repository, time zone, variant and format.</summary>
    Task<IReadOnlyList<StoredReport>> ListReportsAsync(DateOnly day, CancellationToken cancellationToken);
}
