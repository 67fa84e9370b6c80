namespace Gitbrief.Store;

/// <summary>What a finished unit of work leaves in the store, written in one transaction
/// (<see cref="IWorkUnitStore.CompleteAsync"/>): its rendered reports (none when it failed), its outcome, and the
/// release of its claim when <paramref name="Claim"/> is given (held by <paramref name="Owner"/>).</summary>
internal sealed record UnitCompletion(WorkUnitRecord Record, IReadOnlyList<StoredReport> Reports, ClaimKey? Claim = null, string? Owner = null)
{
    /// <summary>The unit's files being written while its reports go into the store: the transaction records the unit and
    /// commits only once they are written, and not at all when writing them failed.</summary>
    public Task? Written { get; init; }
}
