namespace Gitbrief.Sources;

/// <summary>Everything Gitbrief knows about one commit, whatever source it came from.</summary>
internal sealed record CommitRecord
{
    public required string Sha { get; init; }
    public required IReadOnlyList<string> Parents { get; init; }
    public required Person Author { get; init; }
    public required DateTimeOffset AuthoredAt { get; init; }
    public required Person Committer { get; init; }
    public required DateTimeOffset CommittedAt { get; init; }

    /// <summary>The full message, decoded to text (legacy encodings honoured), with \n line ends.</summary>
    public required string Message
    {
        get;
        init
        {
            field = value;
            Title = CommitMessage.Title(value);
        }
    }

    public required IReadOnlyList<FileChange> Files { get; init; }

    /// <summary>Set when the source listed only part of the files (the GitHub API stops at 300 per commit).</summary>
    public bool FilesTruncated { get; init; }

    /// <summary>The pull request the commit belongs to, when the GitHub API was asked (enrich_pull_requests).</summary>
    public PullRequestInfo? LinkedPullRequest { get; init; }

    /// <summary>The lines the commit added and removed, when the source read them (small commits from git, for the
    /// ranking); null when it did not, which the ranking treats as "unknown", never as "no change".</summary>
    public IReadOnlyList<ChangedLine>? Lines { get; init; }

    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;

    /// <summary>The first line of the message, taken once when the message is set: the rules and the renderers ask for
    /// it a dozen times a commit.</summary>
    public string Title { get; private init; } = string.Empty;

    /// <summary>The pull request number from a trailing "(#123)" in the title, else the linked pull request's.</summary>
    public int? PullRequest => CommitMessage.PullRequestNumber(Title) ?? LinkedPullRequest?.Number;

    public bool IsMerge => Parents.Count > 1;
}
