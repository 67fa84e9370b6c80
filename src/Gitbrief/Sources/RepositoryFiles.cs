namespace Gitbrief.Sources;

/// <summary>What the repository looks like around a report: the paths of its tree at the branch head and the
/// paths its most recent commits changed (one entry per commit and file). The analysis derives the repository's
/// core and periphery from them.</summary>
internal sealed record RepositoryFiles(IReadOnlyList<string> Tree, IReadOnlyList<string> RecentlyChanged)
{
    public static RepositoryFiles Empty { get; } = new([], []);
}
