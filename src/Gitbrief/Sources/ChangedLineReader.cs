using System.Text;

namespace Gitbrief.Sources;

/// <summary>Reads the changed lines of a day's small commits, for the ranking: whether a change only touches
/// comments or formatting is in the lines, not in the counts. One <c>git diff-tree --stdin</c> for all the
/// commits; commits too large to matter (or too large to read cheaply) are left without lines.</summary>
internal static class ChangedLineReader
{
    /// <summary>Commits with more changed lines than this are judged by their counts alone.</summary>
    public const int MaxLinesPerCommit = 400;

    /// <summary>A line is kept up to this length; the rest says nothing more about its kind.</summary>
    public const int MaxLineLength = 240;

    private const int MaxFilesPerCommit = 40;

    /// <summary>The commits with their <see cref="CommitRecord.Lines"/> set where they are small enough.</summary>
    public static async Task<IReadOnlyList<CommitRecord>> AttachAsync(
        string gitDirectory, IReadOnlyList<CommitRecord> commits, CancellationToken cancellationToken)
    {
        var wanted = commits.Where(IsSmall).Select(c => c.Sha).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return commits;
        }
        var output = await GitCommand.RunAsync(
            gitDirectory,
            ["-c", "core.quotepath=false", "diff-tree", "--stdin", "-r", "-p", "-U0", "-M", "--root", "--no-color", "--no-ext-diff",
             "--no-textconv"],
            cancellationToken,
            // Lines only sharpen the ranking: a damaged object or a shallow clone leaves the commits without them.
            allowFailure: true,
            input: string.Join('\n', wanted) + "\n").ConfigureAwait(false);
        var lines = Parse(Encoding.UTF8.GetString(output), wanted.ToHashSet(StringComparer.Ordinal));
        return [.. commits.Select(c => lines.TryGetValue(c.Sha, out var found) ? c with { Lines = found } : c)];
    }

    /// <summary>Small enough to read: a commit with one parent (or none), few files, few changed lines.</summary>
    public static bool IsSmall(CommitRecord commit) =>
        commit.Parents.Count <= 1
        && commit.Files.Count is > 0 and <= MaxFilesPerCommit
        && commit.Files.Sum(f => (long)f.Additions + f.Deletions) <= MaxLinesPerCommit;

    /// <summary>Splits <c>git diff-tree --stdin -p -U0</c> output at each commit id line, and each commit's patch into
    /// files and hunks as the LLM's patches are split (<see cref="PatchReader.Parse"/>).</summary>
    public static Dictionary<string, IReadOnlyList<ChangedLine>> Parse(string text, IReadOnlySet<string> shas)
    {
        var result = new Dictionary<string, IReadOnlyList<ChangedLine>>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        string? sha = null;
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var next = i < lines.Length && shas.Contains(lines[i].TrimEnd('\r')) ? lines[i].TrimEnd('\r') : null;
            if (next is null && i < lines.Length)
            {
                continue;
            }
            if (sha is not null)
            {
                result[sha] = [.. PatchReader.Parse(string.Join('\n', lines[start..i])).Values.SelectMany(ChangedLinesOf)];
            }
            sha = next;
            start = i + 1;
        }
        return result;
    }

    /// <summary>The added and removed lines of a file's hunks (each hunk's first line is its <c>@@</c> header).</summary>
    private static IEnumerable<ChangedLine> ChangedLinesOf(FilePatch patch) =>
        patch.Hunks
            .SelectMany(hunk => hunk.Split('\n').Skip(1).Select(line => line.TrimEnd('\r')))
            .Where(line => line.Length > 0 && line[0] is '+' or '-')
            .Select(line => new ChangedLine(patch.Path, line[0] == '+', line.Length - 1 > MaxLineLength ? line.Substring(1, MaxLineLength) : line[1..]));
}
