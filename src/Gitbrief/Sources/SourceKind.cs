namespace Gitbrief.Sources;

/// <summary>How a repository's history is read: with git (a mirror or a local repository) or through the GitHub REST API.</summary>
internal enum SourceKind
{
    Git,
    GitHubApi,
}
