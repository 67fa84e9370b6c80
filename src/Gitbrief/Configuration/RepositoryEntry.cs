namespace Gitbrief.Configuration;

/// <summary>A repository as configured: its address and per-repository settings, with where it was written.</summary>
public sealed record RepositoryEntry(
    string Address,
    string? Branch = null,
    bool? FirstParent = null,
    string? Host = null,
    string Origin = "--repo");
