using System.Collections.Concurrent;
using Gitbrief.Store;

namespace Gitbrief.Publishing;

/// <summary>What went where: one row per (target, repository, day) with the hash of the report delivered, what it
/// listed, and where it landed (a commit, an issue number, a message id). Kept in the store (SQLite or PostgreSQL), so the daily job
/// can run twice without delivering twice — also at the same time: before a target delivers, its reports are
/// claimed (<see cref="ClaimAsync"/>); a run finding them claimed by another waits for it, then finds them recorded.
/// Without a store (dry runs) nothing is remembered.</summary>
internal sealed class PublishLedger(IPublicationStore? store, ClaimKeeper? claims = null, Action<string>? notice = null)
{
    private readonly ConcurrentDictionary<string, HeldClaims> held = new(StringComparer.Ordinal);

    public Task<Publication?> FindAsync(string target, PublishedReport report, CancellationToken cancellationToken) =>
        store is null ? Task.FromResult<Publication?>(null) : store.FindPublicationAsync(target, report.LedgerKey, report.Day, cancellationToken);

    /// <summary>Records a delivery (and gives up its claim: another run waiting for it now finds it delivered).</summary>
    public async Task RecordAsync(string target, PublishedReport report, string? location, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return;
        }
        var publication = new Publication(target, report.LedgerKey, report.Day, report.Hash, location, at) { Contents = ReportChange.Contents(report.Report) };
        await store.RecordPublicationAsync(publication, cancellationToken).ConfigureAwait(false);
        if (held.TryGetValue(target, out var claim))
        {
            await claim.ReleaseAsync(ClaimKey.Delivery(target, report.LedgerKey, report.Day), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Claims a target's reports before it delivers them, waiting while another run delivers any of them to the
    /// same target. Disposing gives up the claims not released by <see cref="RecordAsync"/> (nothing to deliver, or a failure).</summary>
    public async Task<IAsyncDisposable> ClaimAsync(string target, IReadOnlyList<PublishedReport> reports, CancellationToken cancellationToken)
    {
        if (claims is null || reports.Count == 0)
        {
            return NoClaims.Instance;
        }
        var requests = reports.Select(r => new ClaimRequest(ClaimKey.Delivery(target, r.LedgerKey, r.Day), r.Hash)).ToList();
        var claim = await claims.AcquireAsync(requests, a => notice?.Invoke(
            $"publish {target}: waiting for another gitbrief run ({a.Holder ?? "unknown"}) that is delivering {a.Blocked?.Repository} {a.Blocked?.IsoDay}; " +
            "going on when it is done (what it delivered is not delivered again)"), cancellationToken).ConfigureAwait(false);
        held[target] = claim;
        return new Release(() => held.TryRemove(target, out _), claim);
    }

    /// <summary>For targets that deliver report by report: skips what was delivered with the same hash, calls
    /// <paramref name="deliver"/> (which returns where the report landed) for the rest, records each at once,
    /// and counts new, updated and skipped reports.</summary>
    public async Task<TargetOutcome> DeliverEachAsync(
        string target, PublishBatch batch, Func<PublishedReport, Task<string?>> deliver, CancellationToken cancellationToken)
    {
        var (delivered, updated, skipped) = (0, 0, 0);
        foreach (var report in batch.Reports)
        {
            var previous = await FindAsync(target, report, cancellationToken).ConfigureAwait(false);
            if (previous?.Hash == report.Hash)
            {
                skipped++;
                continue;
            }
            var location = await deliver(report).ConfigureAwait(false);
            await RecordAsync(target, report, location, batch.Now, cancellationToken).ConfigureAwait(false);
            if (previous is null)
            {
                delivered++;
            }
            else
            {
                updated++;
            }
        }
        return new TargetOutcome(target, delivered, updated, skipped);
    }

    private sealed class Release(Action forget, HeldClaims claim) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            forget();
            return claim.DisposeAsync();
        }
    }

    private sealed class NoClaims : IAsyncDisposable
    {
        public static NoClaims Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
