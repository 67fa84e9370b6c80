namespace Gitbrief.Sources;

/// <summary>The web front-end of a git host, which decides how commit and PR links look.</summary>
internal enum HostKind
{
    None,
    GitHub,
    GitLab,
    Gitea,
}
