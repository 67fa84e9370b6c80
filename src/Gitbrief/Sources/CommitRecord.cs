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
    /// ranking); null when it did not, which the ranking treats as "unknown", never as "no change". Read from git, they are
    /// decoded from <see cref="LinesPatch"/> each time they are asked for (<see cref="WithLinesDecoded"/> decodes them once).</summary>
    public IReadOnlyList<ChangedLine>? Lines
    {
        get => field ?? (LinesPatch is { } patch ? ChangedLineReader.LinesOf(patch) : null);
        init;
    }

    /// <summary>The kept patch of a small commit read from git (git's UTF-8 bytes, each line clipped), whose changed lines
    /// are <see cref="Lines"/>. Kept as one array, not as the lines' strings: the window's small commits change hundreds of
    /// thousands of lines, which as strings held from the read to the end of the run the garbage collector copied twice
    /// and marked again and again; decoded, they live only while their commit is analysed.</summary>
    public byte[]? LinesPatch { get; init; }

    /// <summary>The commit with its <see cref="Lines"/> decoded once, for an analysis that asks for them several times.</summary>
    public CommitRecord WithLinesDecoded() => LinesPatch is null ? this : this with { Lines = Lines, LinesPatch = null };

    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;

    /// <summary>The first line of the message, taken once when the message is set: the rules and the renderers ask for
    /// it a dozen times a commit.</summary>
    public string Title { get; private init; } = string.Empty;

    /// <summary>The pull request number from a trailing "(#123)" in the title, else the linked pull request's.</summary>
    public int? PullRequest => CommitMessage.PullRequestNumber(Title) ?? LinkedPullRequest?.Number;

    public bool IsMerge => Parents.Count > 1;
}
