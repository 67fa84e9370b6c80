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
}
