namespace Gitbrief.Store;

/// <summary>A report delivered to a target: its hash and where it landed (commit sha, issue number, message id).</summary>
public sealed record Publication(string Target, string Repository, DateOnly Day, string Hash, string? Location, DateTimeOffset PublishedAt);
