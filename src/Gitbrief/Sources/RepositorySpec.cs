namespace Gitbrief.Sources;

/// <summary>A repository to report on, with the per-repository settings that shape what is read.</summary>
internal sealed record RepositorySpec(
    RepositoryAddress Address,
    string? Branch,
    bool FirstParent,
    HostKind? Host = null)
{
    /// <summary>The folder of its reports: the configured <c>name:</c>, else the address's.</summary>
    public string Name => ConfiguredName ?? Address.Name;

    /// <summary>The heading: the configured <c>name:</c>, else the address's display name.</summary>
    public string DisplayName => ConfiguredName ?? Address.DisplayName;

    /// <summary>The config's <c>name:</c> for this repository, if any.</summary>
    public string? ConfiguredName { get; init; }

    /// <summary>git (default) or the GitHub REST API.</summary>
    public SourceKind Source { get; init; } = SourceKind.Git;

    /// <summary>The GitHub REST API base URL (api.github.com, a GitHub Enterprise /api/v3/, a test server).</summary>
    public string? ApiUrl { get; init; }

    /// <summary>Ask the GitHub API which pull request each commit belongs to (title, labels).</summary>
    public bool EnrichPullRequests { get; init; }
}
