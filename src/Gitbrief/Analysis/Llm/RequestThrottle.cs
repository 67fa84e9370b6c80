using System.Threading.RateLimiting;

namespace Gitbrief.Analysis.Llm;

/// <summary>Keeps requests within the provider's limits: at most N in flight, requests-per-minute and
/// tokens-per-minute token buckets, and a shared pause when the server says to wait (Retry-After,
/// x-ratelimit-* reset headers), so one 429 slows every worker instead of each finding out alone.</summary>
internal sealed class RequestThrottle : IAsyncDisposable
{
    private readonly SemaphoreSlim inFlight;
    private readonly TokenBucketRateLimiter? requests;
    private readonly TokenBucketRateLimiter? tokens;
    private readonly int tokenLimit;
    private readonly TimeProvider time;
    private readonly ILlmAdmission? admission;
    private long pausedUntilTicks;

    public RequestThrottle(int maxConcurrency, int? requestsPerMinute, int? tokensPerMinute, TimeProvider? time = null, ILlmAdmission? admission = null)
    {
        this.time = time ?? TimeProvider.System;
        this.admission = admission;
        inFlight = new SemaphoreSlim(Math.Max(1, maxConcurrency));
        if (requestsPerMinute is { } rpm)
        {
            requests = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, Math.Min(rpm, maxConcurrency)),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / rpm,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
        if (tokensPerMinute is { } tpm)
        {
            tokenLimit = tpm;
            var perSecond = Math.Max(1, tpm / 60);
            tokens = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = tpm,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    /// <summary>Waits for a slot (this process's, then the fleet's when an admission is set); dispose the result when
    /// the request is over.</summary>
    public async Task<Slot> AcquireAsync(int estimatedTokens, CancellationToken cancellationToken)
    {
        await WaitForPauseAsync(cancellationToken).ConfigureAwait(false);
        if (requests is not null)
        {
            await AcquireAsync(requests, 1, cancellationToken).ConfigureAwait(false);
        }
        if (tokens is not null)
        {
            await AcquireAsync(tokens, Math.Clamp(estimatedTokens, 1, tokenLimit), cancellationToken).ConfigureAwait(false);
        }
        await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? ticket = null;
        try
        {
            if (admission is not null)
            {
                ticket = await admission.AdmitAsync(Math.Max(1, estimatedTokens), cancellationToken).ConfigureAwait(false);
            }
            await WaitForPauseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (ticket is not null)
            {
                await ticket.DisposeAsync().ConfigureAwait(false);
            }
            inFlight.Release();
            throw;
        }
        return new Slot(inFlight, ticket);
    }

    /// <summary>Every request waits until <paramref name="delay"/> from now has passed.</summary>
    public void PauseFor(TimeSpan delay)
    {
        var until = time.GetUtcNow().Add(delay).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref pausedUntilTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref pausedUntilTicks, until, current) != current);
    }

    private async Task WaitForPauseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = new DateTimeOffset(Interlocked.Read(ref pausedUntilTicks), TimeSpan.Zero) - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task AcquireAsync(RateLimiter limiter, int permits, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var lease = await limiter.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
            if (lease.IsAcquired)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (requests is not null)
        {
            await requests.DisposeAsync().ConfigureAwait(false);
        }
        if (tokens is not null)
        {
            await tokens.DisposeAsync().ConfigureAwait(false);
        }
        inFlight.Dispose();
    }

    /// <summary>A request's place: this process's slot and the fleet's ticket, if any. Dispose it asynchronously (the
    /// fleet's ticket is given back over the network); the synchronous Dispose gives the ticket back in the background.</summary>
    internal sealed class Slot(SemaphoreSlim semaphore, IAsyncDisposable? ticket) : IAsyncDisposable, IDisposable
    {
        private int released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                semaphore.Release();
                if (ticket is not null)
                {
                    await ticket.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        public void Dispose() => _ = DisposeAsync().AsTask();
    }
}
