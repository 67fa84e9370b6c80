namespace Gitbrief.Store;

/// <summary>Claims on shared work, so that several gitbrief processes (today on one SQLite file, later many
/// workers on PostgreSQL) never do the same repository-day or send the same delivery at once. A claim is
/// taken before the work, confirmed (released) after it, and held under a lease that its owner renews while
/// it lives: the claim of a process that died expires, and a later run may take it over.
/// Every operation is one atomic statement or transaction: INSERT … ON CONFLICT DO UPDATE … WHERE the lease
/// has expired or the owner is the same, RETURNING the owner — the same SQL on SQLite and PostgreSQL.</summary>
internal interface IClaimStore
{
    /// <summary>Claims every key or none (all-or-nothing, so that waiting runs can never deadlock): a key
    /// is free when it has no claim, its claim is the owner's own, or its lease ended before <paramref name="now"/>.</summary>
    Task<ClaimAttempt> TryClaimAsync(IReadOnlyList<ClaimRequest> requests, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the lease of every claim the owner holds; returns how many it holds.</summary>
    Task<int> RenewAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Gives up the owner's claims on these keys (done, or failed: either way another run may go on).</summary>
    Task ReleaseAsync(IReadOnlyList<ClaimKey> keys, string owner, CancellationToken cancellationToken);
}
