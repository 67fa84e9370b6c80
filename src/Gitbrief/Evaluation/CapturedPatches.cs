using System.Text;
using Gitbrief.Sources;

namespace Gitbrief.Evaluation;

/// <summary>The diffs an evaluation set holds: the changed lines it captured of each small commit (≤ 400 changed lines,
/// ≤ 40 files), one hunk a file without context lines. A commit captured without lines has no patch: the model then
/// reads its message and file list only, as it would a commit whose diff exceeded the budget.</summary>
internal sealed class CapturedPatches(IReadOnlyDictionary<string, CommitRecord> commits) : IPatchSource
{
    public Task<IReadOnlyDictionary<string, FilePatch>> ReadAsync(string sha, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, FilePatch> patches = commits.TryGetValue(sha, out var commit) && commit.Lines is { } lines
            ? lines.GroupBy(l => l.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Patch(g.Key, g), StringComparer.Ordinal)
            : new Dictionary<string, FilePatch>(StringComparer.Ordinal);
        return Task.FromResult(patches);
    }

    /// <summary>Whether the set holds any changed line of <paramref name="commit"/>.</summary>
    public static bool HasLines(CommitRecord commit) => commit.Lines is { Count: > 0 };

    private static FilePatch Patch(string path, IEnumerable<ChangedLine> lines)
    {
        var hunk = new StringBuilder("@@ changed lines @@\n");
        foreach (var line in lines)
        {
            hunk.Append(line.Added ? '+' : '-').Append(line.Text).Append('\n');
        }
        return new FilePatch(path, $"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n", [hunk.ToString()]);
    }
}
