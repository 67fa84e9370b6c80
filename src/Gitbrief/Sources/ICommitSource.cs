namespace Gitbrief.Sources;

/// <summary>Where a repository's commits come from: git (<see cref="GitHistory"/>) or the GitHub REST API
/// (<see cref="GitHubApi.GitHubApiHistory"/>). The report pipeline reads every source the same way.</summary>
internal interface ICommitSource
{
    /// <summary>The revision to read and the branch name to show; the default branch when none is given.</summary>
    Task<(string Revision, string Display)> ResolveBranchAsync(string? branch, CancellationToken cancellationToken);

    /// <summary>The commits whose committer date falls in [start, endExclusive), newest first: without merges,
    /// or the first-parent chain with merges kept.</summary>
    Task<IReadOnlyList<CommitRecord>> ReadAsync(
        string revision, DateTimeOffset start, DateTimeOffset endExclusive, bool firstParent, CancellationToken cancellationToken);

    /// <summary>The committer date of the newest commit that a report would list, or null for an empty history.</summary>
    Task<DateTimeOffset?> LatestCommitDateAsync(string revision, bool firstParent, CancellationToken cancellationToken);

    /// <summary>The remote URL used for web links, if any.</summary>
    Task<string?> OriginUrlAsync(CancellationToken cancellationToken);

    /// <summary>Where the LLM analyzer reads patches.</summary>
    IPatchSource Patches { get; }
}
