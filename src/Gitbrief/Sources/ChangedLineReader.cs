namespace Gitbrief.Sources;

/// <summary>The changed lines of a day's small commits, for the ranking: whether a change only touches comments or
/// formatting is in the lines, not in the counts. They are read with the commits themselves, in the same git call
/// (<see cref="CommitLogReader"/>); commits too large to matter (or too large to read cheaply) are left without lines.</summary>
internal static class ChangedLineReader
{
    /// <summary>Commits with more changed lines than this are judged by their counts alone.</summary>
    public const int MaxLinesPerCommit = 400;

    /// <summary>A line is kept up to this length; the rest says nothing more about its kind.</summary>
    public const int MaxLineLength = 240;

    private const int MaxFilesPerCommit = 40;

    /// <summary>Small enough to read: a commit with one parent (or none), few files, few changed lines.</summary>
    public static bool IsSmall(CommitRecord commit) =>
        MayBeSmall(commit.Parents.Count, commit.Files.Count)
        && commit.Files.Sum(f => (long)f.Additions + f.Deletions) <= MaxLinesPerCommit;

    /// <summary>Whether a commit with these parents and files can be small, whatever its line counts (known only once its
    /// patch is read when git was not asked for <c>--numstat</c>).</summary>
    public static bool MayBeSmall(int parents, int files) => parents <= 1 && files is > 0 and <= MaxFilesPerCommit;

    /// <summary>The added and removed lines of one commit's patch, split into files and hunks as the LLM's
    /// patches are split (<see cref="PatchReader.Parse"/>).</summary>
    public static IReadOnlyList<ChangedLine> LinesOf(string patch) => [.. PatchReader.Parse(patch).Values.SelectMany(ChangedLinesOf)];

    /// <summary>The added and removed lines of a file's hunks (each hunk's first line is its <c>@@</c> header).</summary>
    private static IEnumerable<ChangedLine> ChangedLinesOf(FilePatch patch) =>
        patch.Hunks
            .SelectMany(hunk => hunk.Split('\n').Skip(1).Select(line => line.TrimEnd('\r')))
            .Where(line => line.Length > 0 && line[0] is '+' or '-')
            .Select(line => new ChangedLine(patch.Path, line[0] == '+', line.Length - 1 > MaxLineLength ? line.Substring(1, MaxLineLength) : line[1..]));
}
