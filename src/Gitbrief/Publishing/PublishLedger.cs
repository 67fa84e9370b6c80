using Gitbrief.Store;

namespace Gitbrief.Publishing;

/// <summary>What went where: one row per (target, repository, day) with the hash of the report delivered and
/// where it landed (a commit, an issue number, a message id). Kept in the SQLite store, so the daily job
/// can run twice without delivering twice. Without a store (dry runs) nothing is remembered.</summary>
internal sealed class PublishLedger(GitbriefStore? store)
{
    public Task<Publication?> FindAsync(string target, PublishedReport report, CancellationToken cancellationToken) =>
        store is null ? Task.FromResult<Publication?>(null) : store.FindPublicationAsync(target, report.LedgerKey, report.Day, cancellationToken);

    public Task RecordAsync(string target, PublishedReport report, string? location, DateTimeOffset at, CancellationToken cancellationToken) =>
        store is null
            ? Task.CompletedTask
            : store.RecordPublicationAsync(new Publication(target, report.LedgerKey, report.Day, report.Hash, location, at), cancellationToken);

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
}
