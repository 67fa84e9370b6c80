namespace Gitbrief.Sources;

/// <summary>A repository to report on, with the per-repository settings that shape what is read.</summary>
public sealed record RepositorySpec(
    RepositoryAddress Address,
    string? Branch,
    bool FirstParent,
    HostKind? Host = null)
{
    public string Name => Address.Name;

    public string DisplayName => Address.DisplayName;

    /// <summary>git (default) or the GitHub REST API.</summary>
    public SourceKind Source { get; init; } = SourceKind.Git;

    /// <summary>The GitHub REST API base URL (api.github.com, a GitHub Enterprise /api/v3/, a test server).</summary>
    public string? ApiUrl { get; init; }

    /// <summary>Ask the GitHub API which pull request each commit belongs to (title, labels).</summary>
    public bool EnrichPullRequests { get; init; }
}
