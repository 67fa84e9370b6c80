namespace Gitbrief.Publishing;

/// <summary>A place reports are delivered to (a directory, a git repository, GitHub issues, a chat webhook,
/// e-mail). A target is idempotent through the ledger: what it already delivered with the same hash is
/// skipped; a changed report is updated in place where the target allows it, and chat and mail are not
/// sent again unless the batch says <see cref="PublishBatch.Resend"/>.</summary>
internal interface IPublishTarget
{
    /// <summary>Stable identity for the ledger, e.g. "github-issue:acme/briefs" or the config's name.</summary>
    string Id { get; }

    /// <summary>The config type, e.g. "git", "github-issue", "webhook", "email".</summary>
    string Kind { get; }

    /// <summary>Delivers what is missing. Throws (any exception) when the target failed; what was already
    /// delivered is recorded in the ledger before that.</summary>
    Task<TargetOutcome> PublishAsync(PublishBatch batch, PublishLedger ledger, CancellationToken cancellationToken);
}
