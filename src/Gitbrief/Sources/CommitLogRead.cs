namespace Gitbrief.Sources;

/// <summary>What <see cref="CommitLogReader"/> read: the commits, in git's order, and the commits whose line counts the
/// patch could not settle (read again with <c>--numstat</c>).</summary>
internal sealed record CommitLogRead(List<CommitRecord> Commits, List<string> Unsettled);
