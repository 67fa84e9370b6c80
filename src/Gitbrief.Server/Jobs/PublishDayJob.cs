using System.Globalization;
using Gitbrief.Pipeline;
using Hangfire;
using Npgsql;

namespace Gitbrief.Server.Jobs;

/// <summary>A day's publish: every target of the config's <c>publish:</c> list gets the reports of the day's finished
/// repository-days — once. It is queued when the day's last unit finishes (done or failed) and at the day's
/// deadline; whichever comes first publishes, the other finds nothing new. One publish of a day at a time across the
/// fleet (a PostgreSQL advisory lock, released if its server dies), and each delivery is claimed and recorded in the
/// store's ledger before and after it is sent, so no message goes out twice, even when a publish is retried after a
/// crash. The reports are those the repository-day jobs kept in the store: nothing is read from git or analysed again.</summary>
public sealed class PublishDayJob
{
    /// <summary>One publish at a time in a server process (its jobs share one store and one claim owner).</summary>
    private static readonly SemaphoreSlim OnePublishAtATime = new(1, 1);

    /// <summary>Hangfire keeps a scheduled time in whole seconds, so a job due at the deadline can start up to a second
    /// before it: the deadline publish is scheduled this much later, and one that still finds the deadline ahead
    /// schedules itself again rather than end with the day unpublished.</summary>
    private static readonly TimeSpan SchedulingMargin = TimeSpan.FromSeconds(2);

    private readonly FleetContext fleet;
    private readonly FleetDatabase database;
    private readonly IBackgroundJobClient jobs;

    internal PublishDayJob(FleetContext fleet, FleetDatabase database, IBackgroundJobClient jobs)
    {
        this.fleet = fleet;
        this.database = database;
        this.jobs = jobs;
    }

    /// <summary>Queues the day's publish when every unit has finished, or when the deadline has passed (a unit done after
    /// the deadline's publish goes out on its own then).</summary>
    internal static async Task QueueWhenFinishedAsync(FleetDatabase database, IBackgroundJobClient jobs, DateOnly day, CancellationToken cancellationToken)
    {
        if (await database.DayAsync(day, cancellationToken).ConfigureAwait(false) is { } state && (state.Units.AllFinished || state.DeadlinePassed))
        {
            Queue(jobs, day);
        }
    }

    internal static string Queue(IBackgroundJobClient jobs, DateOnly day) =>
        jobs.Enqueue<PublishDayJob>(FleetQueues.Publish, j => j.RunAsync(Iso(day), CancellationToken.None));

    internal static string ScheduleAt(IBackgroundJobClient jobs, DateOnly day, DateTimeOffset at) =>
        jobs.Schedule<PublishDayJob>(FleetQueues.Publish, j => j.RunAsync(Iso(day), CancellationToken.None), at + SchedulingMargin);

    [JobDisplayName("publish {0}")]
    public async Task RunAsync(string day, CancellationToken cancellationToken)
    {
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await OnePublishAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await PublishAsync(date, day, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            OnePublishAtATime.Release();
        }
    }

    private async Task PublishAsync(DateOnly date, string day, CancellationToken cancellationToken)
    {
        await using var connection = await database.Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await LockAsync(connection, "SELECT pg_advisory_lock(@key);", date, cancellationToken).ConfigureAwait(false);
        try
        {
            var state = await database.DayAsync(date, cancellationToken).ConfigureAwait(false);
            if (state is not null && !state.Units.AllFinished && !state.DeadlinePassed && state.PublishedAt is null)
            {
                // Not yet: the last unit queues it again, and so does this, for the deadline.
                ScheduleAt(jobs, date, state.Deadline);
                return;
            }
            if (state is null || !(state.Units.AllFinished || state.DeadlinePassed) || state.PublishedUnits == state.Units.Done)
            {
                // Nothing new since the last publish.
                return;
            }
            var done = (await database.UnitsAsync(date, cancellationToken).ConfigureAwait(false))
                .Where(u => u.State == "done").ToDictionary(u => u.Repository, u => u.ReportHashes, StringComparer.Ordinal);
            string? error = null;
            if (done.Count > 0)
            {
                var failed = (await fleet.Work.PublishAsync(date, done, cancellationToken).ConfigureAwait(false))
                    .Where(t => !t.Succeeded).Select(t => $"{t.Target}: {t.Error}").ToList();
                error = failed.Count > 0 ? string.Join("; ", failed) : null;
            }
            await database.RecordPublishAsync(date, done.Count, error, CancellationToken.None).ConfigureAwait(false);
            if (error is not null)
            {
                // Retried by Hangfire: what was delivered is in the ledger and is not sent again.
                throw new Common.EnvironmentException($"publish {day}: {error}");
            }
        }
        finally
        {
            await LockAsync(connection, "SELECT pg_advisory_unlock(@key);", date, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task LockAsync(NpgsqlConnection connection, string sql, DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", 7_000_000_000L + day.DayNumber);
        command.CommandTimeout = 0;
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
