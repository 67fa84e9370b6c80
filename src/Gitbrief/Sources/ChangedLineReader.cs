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

    /// <summary>Splits <c>git diff-tree --stdin -p -U0</c> output: a commit id line, then its file diffs.</summary>
    public static Dictionary<string, IReadOnlyList<ChangedLine>> Parse(string text, IReadOnlySet<string> shas)
    {
        var result = new Dictionary<string, IReadOnlyList<ChangedLine>>(StringComparer.Ordinal);
        List<ChangedLine>? current = null;
        string? path = null;
        var inHunk = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (shas.Contains(line))
            {
                current = [];
                result[line] = current;
                path = null;
                inHunk = false;
                continue;
            }
            if (current is null)
            {
                continue;
            }
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                path = null;
                inHunk = false;
            }
            else if (!inHunk && line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                path = DiffPath(line[4..]) ?? path;
            }
            else if (!inHunk && line.StartsWith("--- ", StringComparison.Ordinal))
            {
                path ??= DiffPath(line[4..]);
            }
            else if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                inHunk = true;
            }
            else if (inHunk && path is not null && line.Length > 0 && line[0] is '+' or '-')
            {
                var content = line.Length - 1 > MaxLineLength ? line.Substring(1, MaxLineLength) : line[1..];
                current.Add(new ChangedLine(path, line[0] == '+', content));
            }
        }
        return result;
    }

    /// <summary>"b/src/x.rs" → "src/x.rs"; /dev/null (an added or deleted file's other side) → null.</summary>
    private static string? DiffPath(string side)
    {
        side = side.TrimEnd('\t');
        if (side == "/dev/null")
        {
            return null;
        }
        if (side.Length > 2 && side[0] == '"')
        {
            // Quoted paths (unusual bytes) are rare; the ranking only needs the extension, which survives unquoted.
            side = side.Trim('"');
        }
        return side.Length > 2 && side[1] == '/' ? side[2..] : side;
    }
}
