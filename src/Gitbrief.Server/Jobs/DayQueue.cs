using System.Globalization;
using Hangfire;

namespace Gitbrief.Server.Jobs;

/// <summary>Queues days: the day's units in the fleet's table, one Hangfire job per repository-day, and the day's
/// publish at its deadline (<c>server.publish_deadline</c> from now), which publishes what is done by then even if
/// some repository is still failing.</summary>
internal sealed class DayQueue(FleetContext fleet, FleetDatabase database, IBackgroundJobClient jobs)
{
    /// <summary>Jobs created at once: each is a transaction of a few statements (job, parameters, state, queue), and a
    /// day of many repositories is queued in a fraction of the time one at a time would take, while workers already start.</summary>
    private const int ParallelCreations = 4;

    public async Task<int> QueueAsync(IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        var queued = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelCreations, CancellationToken = cancellationToken };
        foreach (var day in days)
        {
            await database.QueueDayAsync(day, fleet.TimeZone.Id, fleet.Repositories, fleet.Settings.PublishDeadline, cancellationToken).ConfigureAwait(false);
            var iso = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await Parallel.ForEachAsync(fleet.Repositories, parallel, (repository, _) =>
            {
                jobs.Enqueue<RepositoryDayJob>(FleetQueues.Units, j => j.RunAsync(repository, iso, null, CancellationToken.None));
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
            queued += fleet.Repositories.Count;
            PublishDayJob.ScheduleAt(jobs, day, DateTimeOffset.UtcNow + fleet.Settings.PublishDeadline);
            if (fleet.Repositories.Count == 0)
            {
                PublishDayJob.Queue(jobs, day);
            }
        }
        return queued;
    }
}

/// <summary>The recurring job that <c>schedule:</c> sets up: queues yesterday (in the report time zone).</summary>
public sealed class ScheduledRunJob
{
    public const string Id = "gitbrief-daily";
    private readonly FleetContext fleet;
    private readonly DayQueue queue;

    internal ScheduledRunJob(FleetContext fleet, DayQueue queue)
    {
        this.fleet = fleet;
        this.queue = queue;
    }

    [JobDisplayName("queue yesterday")]
    public Task RunAsync(CancellationToken cancellationToken) => queue.QueueAsync([fleet.Today.AddDays(-1)], cancellationToken);
}
