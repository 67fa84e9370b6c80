namespace Gitbrief.Store;

/// <summary>A report delivered to a target: its hash and where it landed (commit sha, issue number, message id).</summary>
internal sealed record Publication(string Target, string Repository, DateOnly Day, string Hash, string? Location, DateTimeOffset PublishedAt)
{
    /// <summary>What the delivered report listed, one commit a line (<c>sha level title</c>): how a later version
    /// of the day tells which commits are new, gone, or changed level. Null for deliveries recorded before it was kept.</summary>
    public string? Contents { get; init; }
}
