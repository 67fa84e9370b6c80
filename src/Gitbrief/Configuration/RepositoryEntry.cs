namespace Gitbrief.Configuration;

/// <summary>A repository as configured: its address and per-repository settings, with where it was written.
/// <see cref="Source"/> is "git" or "github-api"; null settings fall back to the top-level ones. <see cref="Name"/>
/// replaces the name derived from the address (heading and report folder).</summary>
internal sealed record RepositoryEntry(
    string Address,
    string? Branch = null,
    bool? FirstParent = null,
    string? Host = null,
    string Origin = "--repo",
    string? Source = null,
    string? ApiUrl = null,
    bool? EnrichPullRequests = null,
    string? Name = null)
{
    /// <summary>This repository's <c>watch:</c> rules, applied after the global ones.</summary>
    public IReadOnlyList<WatchRule> Watch { get; init; } = [];
}
