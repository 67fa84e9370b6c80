namespace Gitbrief.Store;

/// <summary>The publish ledger: what was delivered to which target, so that nothing is delivered twice.</summary>
internal interface IPublicationStore
{
    Task<Publication?> FindPublicationAsync(string target, string repository, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Records a delivery at once (its own transaction): a crash after it never delivers it twice.</summary>
    Task RecordPublicationAsync(Publication publication, CancellationToken cancellationToken);
}
