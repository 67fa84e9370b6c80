namespace Gitbrief.Store;

/// <summary>The history of runs: one row per <c>gitbrief report</c>/<c>run</c> (or worker job), with its exit code.</summary>
internal interface IRunHistory
{
    /// <summary>Records the start of a run; returns its id (what <see cref="WorkUnitRecord.RunId"/> refers to).</summary>
    Task<long> StartRunAsync(string command, DateTimeOffset startedAt, CancellationToken cancellationToken);

    Task FinishRunAsync(long runId, int exitCode, DateTimeOffset finishedAt, CancellationToken cancellationToken);
}
