using Gitbrief.Store;

namespace Gitbrief.Publishing;

/// <summary>What went where: one row per (target, repository, day) with the hash of the report delivered and
/// where it landed (a commit, an issue number, a message id). Kept in the SQLite store, so the daily job
/// can run twice without delivering twice. Without a store (dry runs) nothing is remembered.</summary>
internal sealed class PublishLedger(GitbriefStore? store)
{
    public Task<Publication?> FindAsync(string target, PublishedReport report, CancellationToken cancellationToken) =>
        store is null ? Task.FromResult<Publication?>(null) : store.FindPublicationAsync(target, report.Repository, report.Day, cancellationToken);

    public Task RecordAsync(string target, PublishedReport report, string? location, DateTimeOffset at, CancellationToken cancellationToken) =>
        store is null
            ? Task.CompletedTask
            : store.RecordPublicationAsync(new Publication(target, report.Repository, report.Day, report.Hash, location, at), cancellationToken);
}
