using Gitbrief.Analysis;
using Gitbrief.Sources;

namespace Gitbrief.Pipeline;

/// <summary>What was read of a repository for the window: its commits (and the same by day in the run's time zone),
/// the days that could not be read with the reason, and the repository's profile (its core and periphery).</summary>
internal sealed record WindowCommits(
    IReadOnlyList<CommitRecord> Commits, ILookup<DateOnly, CommitRecord> ByDay, Dictionary<DateOnly, string> Unreadable, RepositoryProfile Profile);
