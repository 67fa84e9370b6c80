namespace Gitbrief.Sources;

/// <summary>A pull request that contains a commit, as the GitHub API describes it.</summary>
internal sealed record PullRequestInfo(int Number, string Title, IReadOnlyList<string> Labels);
