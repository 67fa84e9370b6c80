namespace Gitbrief.Server;

/// <summary>A process's LLM slots, handed to the requests of the job that started first: a repository-day's last
/// requests (its highlights, asked once its commits are answered) go before the first requests of jobs that started
/// after it. In plain arrival order they queued behind every other job's commits, so the jobs of a process all
/// finished together, the next ones all started together, and the slots stood idle while those read git and the
/// store; with this, jobs end one after another and the slots stay busy. Requests outside any job (a publish rebuilding
/// an old unit's reports) count as a job that starts when they ask.</summary>
internal sealed class OldestJobFirst(int slots)
{
    private static readonly AsyncLocal<long> CurrentJob = new();
    private static long started;

    private readonly Lock gate = new();
    private readonly PriorityQueue<TaskCompletionSource, (long Job, long Arrival)> waiting = new();
    private int free = Math.Max(1, slots);
    private long arrivals;

    /// <summary>Marks the rest of the calling flow (everything the job awaits) as one job, later than every job before it.</summary>
    public static void BeginJob() => CurrentJob.Value = Interlocked.Increment(ref started);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (gate)
        {
            if (free > 0 && waiting.Count == 0)
            {
                free--;
                return;
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var job = CurrentJob.Value is var current and > 0 ? current : Interlocked.Increment(ref started);
            waiting.Enqueue(waiter, (job, ++arrivals));
        }
        // Cancelled, it stays queued until a release skips it; handed a slot first, the cancellation comes too late.
        using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        await waiter.Task.ConfigureAwait(false);
    }

    public void Release()
    {
        lock (gate)
        {
            while (waiting.TryDequeue(out var next, out _))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }
            free++;
        }
    }
}
