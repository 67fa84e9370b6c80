using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>A git submodule a commit moves to another revision: git shows the move as the one line
/// <c>Subproject commit &lt;old&gt;</c> out and the one line <c>Subproject commit &lt;new&gt;</c> in. Known only where the
/// commit's changed lines were read (small commits).</summary>
internal static class Submodule
{
    private const string Marker = "Subproject commit ";

    /// <summary>The submodules of the product (not of its tests, docs or CI) the commit moves. One pass over the changed
    /// lines, however many files the commit has.</summary>
    public static IEnumerable<ClassifiedFile> ProductMovedIn(CommitRecord commit, IReadOnlyList<ClassifiedFile> files)
    {
        if (commit.Lines is not { Count: > 0 } lines)
        {
            return [];
        }
        HashSet<string>? pointers = null;
        foreach (var line in lines)
        {
            if (line.Added && line.Text.StartsWith(Marker, StringComparison.Ordinal))
            {
                (pointers ??= new HashSet<string>(StringComparer.Ordinal)).Add(line.Path);
            }
        }
        return pointers is null
            ? []
            : files.Where(f => f.Change is { Additions: 1, Deletions: 1, Binary: false } && pointers.Contains(f.Change.Path)
                && f.Role is not (FileRole.Test or FileRole.Docs or FileRole.CI));
    }
}
