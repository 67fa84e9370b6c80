using System.Globalization;
using Gitbrief.Common;
using Gitbrief.Pipeline;
using Hangfire;
using Hangfire.Server;

namespace Gitbrief.Server.Jobs;

/// <summary>One repository-day: mirror fetch, analysis, the report written and recorded in the store — the library's
/// report job for one repository and one day. A failure is retried by Hangfire with back-off (<c>server.retries</c>,
/// <c>server.retry_delay</c>); the last failure marks the unit failed. Either way, when it was the day's last unit
/// to finish, the day's publish is queued.</summary>
public sealed class RepositoryDayJob
{
    private readonly FleetContext fleet;
    private readonly FleetDatabase database;
    private readonly IBackgroundJobClient jobs;

    internal RepositoryDayJob(FleetContext fleet, FleetDatabase database, IBackgroundJobClient jobs)
    {
        this.fleet = fleet;
        this.database = database;
        this.jobs = jobs;
    }

    [JobDisplayName("report {0} {1}")]
    public async Task RunAsync(string repository, string day, PerformContext? context, CancellationToken cancellationToken)
    {
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var attempt = context?.GetJobParameter<int>("RetryCount") ?? 0;
        OldestJobFirst.BeginJob();
        if (!await database.TryMarkRunningAsync(date, repository, attempt, fleet.WorkerName, cancellationToken).ConfigureAwait(false))
        {
            // Done already: this is a second run of a job whose end was not recorded. The publish may still be due.
            await PublishDayJob.QueueWhenFinishedAsync(database, jobs, date, cancellationToken).ConfigureAwait(false);
            return;
        }
        UnitResult result;
        try
        {
            var report = await fleet.Work.ReportAsync(repository, date, cancellationToken).ConfigureAwait(false);
            var usage = report.Llm;
            result = new UnitResult(report.Commits, usage?.Requests ?? 0, usage?.CacheHits ?? 0, usage?.InputTokens ?? 0, usage?.OutputTokens ?? 0, report.ReportHashes);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var final = attempt >= fleet.Settings.Retries;
            await database.MarkFailedAsync(date, repository, SecretRedactor.Redact(e.Message.Split('\n', 2)[0]), final, CancellationToken.None).ConfigureAwait(false);
            if (final)
            {
                await PublishDayJob.QueueWhenFinishedAsync(database, jobs, date, CancellationToken.None).ConfigureAwait(false);
            }
            throw;
        }
        await database.MarkDoneAsync(date, repository, result, cancellationToken).ConfigureAwait(false);
        await PublishDayJob.QueueWhenFinishedAsync(database, jobs, date, cancellationToken).ConfigureAwait(false);
    }
}
