using Gitbrief.Common;

namespace Gitbrief.Store;

/// <summary>Takes and holds the claims of one run. A set of keys is claimed all at once; while another live run
/// holds any of them, this run <b>waits</b> for it (polling, so it goes on as soon as that run confirms or gives
/// up, or its lease expires after it died) and says so once per holder. Leases are renewed in the background
/// while the run lives. Waiting rather than skipping means every run still produces everything it was asked
/// for — from the cache, and without delivering anything twice.</summary>
internal sealed class ClaimKeeper : IAsyncDisposable
{
    /// <summary>How long a claim outlives a run that stopped renewing it (killed, machine gone).</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);
    private readonly IClaimStore store;
    private readonly TimeProvider time;
    private readonly TimeSpan lease;
    private readonly PeriodicTimer timer;
    private readonly Task heartbeat;

    public ClaimKeeper(IClaimStore store, TimeProvider? time = null, TimeSpan? lease = null)
    {
        this.store = store;
        this.time = time ?? TimeProvider.System;
        this.lease = lease ?? DefaultLease;
        // Three random bytes tell apart two runs of one pid and host; Random.Shared, not RandomNumberGenerator, which loads OpenSSL.
        Owner = $"pid {Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)} on {Environment.MachineName} ({Random.Shared.Next(1 << 24).ToString("x6", System.Globalization.CultureInfo.InvariantCulture)})";
        timer = new PeriodicTimer(this.lease / 4, this.time);
        heartbeat = RenewAsync();
    }

    /// <summary>Who this run is in the claims table: "pid 4242 on build-host (a1b2c3)".</summary>
    public string Owner { get; }

    /// <summary>Claims every key, waiting while another run holds any of them; <paramref name="waiting"/> hears of
    /// each new holder once. The returned claims are released when disposed (those not released before).</summary>
    public async Task<HeldClaims> AcquireAsync(IReadOnlyList<ClaimRequest> requests, Action<ClaimAttempt> waiting, CancellationToken cancellationToken)
    {
        var poll = TimeSpan.FromMilliseconds(100);
        string? announced = null;
        while (true)
        {
            var attempt = await store.TryClaimAsync(requests, Owner, time.GetUtcNow(), lease, cancellationToken).ConfigureAwait(false);
            if (attempt.Acquired)
            {
                return new HeldClaims(this, [.. requests.Select(r => r.Key)]);
            }
            if (attempt.Holder != announced)
            {
                waiting(attempt);
                announced = attempt.Holder;
            }
            await Task.Delay(poll, time, cancellationToken).ConfigureAwait(false);
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
        }
    }

    internal Task ReleaseAsync(IReadOnlyList<ClaimKey> keys, CancellationToken cancellationToken) => store.ReleaseAsync(keys, Owner, cancellationToken);

    /// <summary>Renews every lease of this run a few times per lease period, for as long as the run lives. Disposing the
    /// timer ends it (a cancelled token would throw, and an exception's stack trace costs a native binary tens of
    /// milliseconds at exit).</summary>
    private async Task RenewAsync()
    {
        while (await timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            try
            {
                await store.RenewAsync(Owner, time.GetUtcNow(), lease, CancellationToken.None).ConfigureAwait(false);
            }
            catch (EnvironmentException)
            {
                // The store is failing: the work that needs it reports that; the leases simply run out.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        timer.Dispose();
        await heartbeat.ConfigureAwait(false);
    }
}
