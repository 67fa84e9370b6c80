namespace Gitbrief.Sources;

/// <summary>What <see cref="CommitLogReader"/> read: the commits, in git's order, and the commits whose line counts the
/// patch could not settle (read again with <c>--numstat</c>).</summary>
internal sealed record CommitLogRead(List<CommitRecord> Commits, List<string> Unsettled)
{
    /// <summary>Set when the read stopped at a commit of thousands of modified files, before its patch: its header, its
    /// files without their counts, and the parts <see cref="WideCommitCounts"/> counts them in. The commits after it in
    /// the read were not read.</summary>
    public WideCommit? Wide { get; set; }
}

/// <summary>A commit whose files are counted by <see cref="WideCommitCounts"/>.</summary>
internal sealed record WideCommit(CommitRecord Commit, FileEntries Entries, List<List<string>> Parts);
