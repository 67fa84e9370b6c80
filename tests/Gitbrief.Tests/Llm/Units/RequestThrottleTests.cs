using System.Threading.Channels;
using Gitbrief.Analysis.Llm;
using Microsoft.Extensions.Time.Testing;

namespace Gitbrief.Tests.Llm.Units;

public sealed class RequestThrottleTests
{
    /// <summary>Guards every wait of these tests: no test relies on time passing, but none may hang.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 8)]
    [InlineData(3, 20)]
    [InlineData(4, 4)]
    public async Task NeverMoreThanNHoldersAtOnce(int limit, int workers)
    {
        await using var throttle = new RequestThrottle(limit, null, null);
        using var timeout = new CancellationTokenSource(Guard);
        var gates = Enumerable.Range(0, workers).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var entered = Channel.CreateUnbounded<int>();
        var active = 0;
        var most = 0;

        async Task Work(int index)
        {
            using (await throttle.AcquireAsync(100, timeout.Token))
            {
                var now = Interlocked.Increment(ref active);
                int seen;
                while ((seen = Volatile.Read(ref most)) < now && Interlocked.CompareExchange(ref most, now, seen) != seen)
                {
                }
                entered.Writer.TryWrite(index);
                await gates[index].Task.WaitAsync(timeout.Token);
                Interlocked.Decrement(ref active);
            }
        }

        var tasks = Enumerable.Range(0, workers).Select(i => Task.Run(() => Work(i))).ToArray();
        var holding = new Queue<int>();
        for (var i = 0; i < Math.Min(limit, workers); i++)
        {
            holding.Enqueue(await entered.Reader.ReadAsync(timeout.Token));
        }
        Assert.Equal(Math.Min(limit, workers), Volatile.Read(ref active));

        var released = 0;
        while (holding.Count > 0)
        {
            gates[holding.Dequeue()].SetResult();
            released++;
            if (released + holding.Count < workers)
            {
                holding.Enqueue(await entered.Reader.ReadAsync(timeout.Token));
            }
            Assert.InRange(Volatile.Read(ref active), 0, limit);
        }
        await Task.WhenAll(tasks).WaitAsync(timeout.Token);

        Assert.Equal(workers, released);
        Assert.Equal(Math.Min(limit, workers), most);
        Assert.Equal(0, active);
    }

    [Fact]
    public async Task AWaiterGetsTheSlotWhenAHolderReleasesIt()
    {
        await using var throttle = new RequestThrottle(2, null, null);

        var first = await throttle.AcquireAsync(1, CancellationToken.None);
        var second = await throttle.AcquireAsync(1, CancellationToken.None);
        var third = throttle.AcquireAsync(1, CancellationToken.None);

        Assert.False(third.IsCompleted);
        first.Dispose();
        using var slot = await third.WaitAsync(Guard);
        second.Dispose();
    }

    [Fact]
    public async Task DisposingASlotTwiceReleasesItOnce()
    {
        await using var throttle = new RequestThrottle(1, null, null);

        var slot = await throttle.AcquireAsync(1, CancellationToken.None);
        slot.Dispose();
        slot.Dispose();
        using var next = await throttle.AcquireAsync(1, CancellationToken.None).WaitAsync(Guard);
        var blocked = throttle.AcquireAsync(1, CancellationToken.None);

        Assert.False(blocked.IsCompleted);
        next.Dispose();
        (await blocked.WaitAsync(Guard)).Dispose();
    }

    [Fact]
    public async Task ACancelledWaiterTakesNoSlot()
    {
        await using var throttle = new RequestThrottle(1, null, null);
        using var cancel = new CancellationTokenSource();

        var held = await throttle.AcquireAsync(1, CancellationToken.None);
        var waiting = throttle.AcquireAsync(1, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));
        held.Dispose();
        var again = throttle.AcquireAsync(1, CancellationToken.None);
        Assert.True(again.IsCompletedSuccessfully);
        (await again).Dispose();
    }

    [Fact]
    public async Task ARequestLargerThanTheTokenLimitIsClampedInsteadOfWaitingForever()
    {
        await using var throttle = new RequestThrottle(2, null, 1_000);

        var slot = throttle.AcquireAsync(50_000, CancellationToken.None);

        (await slot.WaitAsync(Guard)).Dispose();
    }

    [Fact]
    public async Task PauseForDelaysAcquisitionUntilThePauseHasPassed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
        await using var throttle = new RequestThrottle(4, null, null, time);

        throttle.PauseFor(TimeSpan.FromSeconds(5));
        var waiting = throttle.AcquireAsync(1, CancellationToken.None);

        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        (await waiting.WaitAsync(Guard)).Dispose();

        var after = throttle.AcquireAsync(1, CancellationToken.None);
        Assert.True(after.IsCompletedSuccessfully);
        (await after).Dispose();
    }

    [Fact]
    public async Task AShorterPauseDoesNotShortenALongerOne()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
        await using var throttle = new RequestThrottle(4, null, null, time);

        throttle.PauseFor(TimeSpan.FromSeconds(10));
        throttle.PauseFor(TimeSpan.FromSeconds(1));
        var waiting = throttle.AcquireAsync(1, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(8));
        (await waiting.WaitAsync(Guard)).Dispose();
    }

    [Fact]
    public async Task ALongerPauseExtendsAShorterOne()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
        await using var throttle = new RequestThrottle(4, null, null, time);

        throttle.PauseFor(TimeSpan.FromSeconds(1));
        var waiting = throttle.AcquireAsync(1, CancellationToken.None);
        throttle.PauseFor(TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        (await WhenPastAsync(waiting, time)).Dispose();
    }

    /// <summary>Awaits a waiter whose pause has passed on the fake clock. When the shorter pause ended, the waiter
    /// looks at the clock again and arms a new timer for the rest of the longer one on a pool thread; if the test
    /// moved the clock between that look and the arming, the timer is due later than the pause. Moving the clock
    /// on (never back) until the waiter is through keeps the test deterministic without reading the product's timers.</summary>
    private static async Task<T> WhenPastAsync<T>(Task<T> waiting, FakeTimeProvider time)
    {
        var deadline = DateTime.UtcNow + Guard;
        while (!waiting.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(20)));
            if (!waiting.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }
        return await waiting.WaitAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task AZeroOrNegativePauseDoesNotBlock()
    {
        var time = new FakeTimeProvider();
        await using var throttle = new RequestThrottle(1, null, null, time);

        throttle.PauseFor(TimeSpan.Zero);
        throttle.PauseFor(TimeSpan.FromSeconds(-5));
        var slot = throttle.AcquireAsync(1, CancellationToken.None);

        Assert.True(slot.IsCompletedSuccessfully);
        (await slot).Dispose();
    }

    [Fact]
    public async Task APausedWaiterCanBeCancelled()
    {
        var time = new FakeTimeProvider();
        await using var throttle = new RequestThrottle(1, null, null, time);
        using var cancel = new CancellationTokenSource();

        throttle.PauseFor(TimeSpan.FromMinutes(1));
        var waiting = throttle.AcquireAsync(1, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));
    }
}
