using System.Text;

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

    /// <summary>The added and removed lines of one commit's patch (git's UTF-8 bytes), in one pass over it: the files as the
    /// LLM's patches split them (<see cref="PatchReader.Parse"/>: a file section known by its <see cref="FileSectionPath"/>,
    /// the first section of a path only, none without a path), each hunk's lines after its <c>@@</c> header, trailing
    /// carriage returns dropped, each line's text cut at <see cref="MaxLineLength"/> characters. Only the kept lines, the
    /// section starts and the header lines that name a path are decoded (as decoding the whole patch would decode them:
    /// lines end at an ASCII byte), not the patch: the window's small commits are tens of MB of it.</summary>
    public static IReadOnlyList<ChangedLine> LinesOf(ReadOnlySpan<byte> patch)
    {
        // At most one line for each line that starts with a sign (a file's "---" and "+++" lines too).
        var lines = new List<ChangedLine>(patch.Count("\n+"u8) + patch.Count("\n-"u8) + 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var section = new FileSectionPath();
        var (inSection, inHunks, sectionStart) = (false, false, 0);
        string? path = null;
        var buffer = new char[HeaderChars];
        for (var at = 0; at < patch.Length;)
        {
            var end = patch[at..].IndexOf((byte)'\n');
            end = end < 0 ? patch.Length : at + end;
            var line = patch[at..end];
            at = end + 1;
            if (line.StartsWith(FileStart))
            {
                FinishSection();
                section.Start(Decoded(line, ref buffer));
                (inSection, inHunks, sectionStart) = (true, false, lines.Count);
            }
            else if (!inSection)
            {
                continue;
            }
            else if (line.StartsWith("@@"u8))
            {
                // The header is over: the section's path is known.
                path = inHunks ? path : section.Key;
                inHunks = true;
            }
            else if (!inHunks)
            {
                if (FileSectionPath.MayName(line))
                {
                    section.ReadHeaderLine(Decoded(line, ref buffer));
                }
            }
            else if (path is not null && line.TrimEnd((byte)'\r') is [((byte)'+' or (byte)'-') and var sign, .. var bytes])
            {
                lines.Add(new ChangedLine(path, sign == (byte)'+', Clipped(bytes)));
            }
        }
        FinishSection();
        return lines;

        // A section is kept when it has a path that no earlier section of the commit had.
        void FinishSection()
        {
            if (inSection && (section.Key is not { } key || !seen.Add(key)))
            {
                lines.RemoveRange(sectionStart, lines.Count - sectionStart);
            }
            (inSection, inHunks, path) = (false, false, null);
        }
    }

    private static ReadOnlySpan<byte> FileStart => "diff --git "u8;

    /// <summary>The characters of a header line's buffer to begin with: a line of paths as long as most.</summary>
    private const int HeaderChars = 512;

    /// <summary>A header line decoded into <paramref name="buffer"/> (grown when the line needs more): only the path read
    /// from it becomes a string.</summary>
    private static ReadOnlySpan<char> Decoded(ReadOnlySpan<byte> line, ref char[] buffer)
    {
        if (buffer.Length < line.Length)
        {
            buffer = new char[line.Length];
        }
        return buffer.AsSpan(0, Encoding.UTF8.GetChars(line, buffer));
    }

    /// <summary>A line's text decoded and cut at <see cref="MaxLineLength"/> characters (a line of more bytes than that is
    /// rare: decoded whole, then cut).</summary>
    private static string Clipped(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length > MaxLineLength ? text[..MaxLineLength] : text;
    }
}
