using System.Globalization;
using System.Text;

namespace Gitbrief.Sources;

/// <summary>The raw and numstat entries of one commit in <c>git log -z --raw --numstat</c> output, read one at a time
/// and joined by path. Entries are read from the bytes: only the paths become strings, once each (a commit touching
/// 20,000 files makes 20,000 strings, not 120,000). git writes the numstat entries in the order of the raw ones: a numstat
/// entry whose path is that of the raw entry at its place takes its counts there, without a string or a look-up of its
/// own; any other is kept by path.</summary>
internal sealed class FileEntries
{
    private readonly List<(FileStatus Status, string Path, string? OldPath)> raw = [];
    private readonly List<(int Add, int Del, bool Binary)> countsInOrder = [];
    private readonly Dictionary<string, (int Add, int Del, bool Binary)> stats = new(StringComparer.Ordinal);

    /// <summary>Reads the entry whose first token is at <paramref name="i"/> (with its paths) and leaves <paramref name="i"/>
    /// after it; false when the output ends inside it.</summary>
    public bool Read(ReadOnlySpan<byte> output, List<Range> tokens, ref int i)
    {
        var token = output[tokens[i]].TrimStart((byte)'\n');
        i++;
        if (token.IsEmpty)
        {
            return true;
        }
        return token[0] == (byte)':'
            ? TryReadRawEntry(token, output, tokens, ref i)
            : TryReadNumstatEntry(token, output, tokens, ref i);
    }

    /// <summary>The files, in the order of their raw entries, with the counts of their numstat entries.</summary>
    public List<FileChange> ToList()
    {
        var changes = new List<FileChange>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var (status, path, oldPath) = raw[i];
            var (additions, deletions, binary) = stats.TryGetValue(path, out var counted) ? counted
                : i < countsInOrder.Count ? countsInOrder[i] : (0, 0, false);
            changes.Add(new FileChange(path, oldPath, status, additions, deletions, binary));
        }
        return changes;
    }

    /// <summary>A raw entry (<c>:mode mode sha sha status</c>) followed by one path, or two for a rename or copy;
    /// false when the output ends before its paths.</summary>
    private bool TryReadRawEntry(ReadOnlySpan<byte> entry, ReadOnlySpan<byte> output, List<Range> tokens, ref int i)
    {
        var statusField = entry[(entry.LastIndexOf((byte)' ') + 1)..];
        var status = statusField.Length > 0 ? FileStatusCodes.FromLetter((char)statusField[0]) : null;
        var twoPaths = status is FileStatus.Renamed or FileStatus.Copied;
        if (i + (twoPaths ? 1 : 0) >= tokens.Count)
        {
            return false;
        }
        if (twoPaths)
        {
            var old = GitLogParser.PathAt(output, tokens[i]);
            var now = GitLogParser.PathAt(output, tokens[i + 1]);
            raw.Add((status!.Value, now, old));
            i += 2;
        }
        else
        {
            raw.Add((status ?? FileStatus.Modified, GitLogParser.PathAt(output, tokens[i]), null));
            i++;
        }
        return true;
    }

    /// <summary>A numstat entry (<c>added TAB deleted TAB path</c>; for a rename the path is empty and the old and
    /// new paths follow as tokens); false when the output ends before its paths. Text that is no numstat entry is skipped.</summary>
    private bool TryReadNumstatEntry(ReadOnlySpan<byte> entry, ReadOnlySpan<byte> output, List<Range> tokens, ref int i)
    {
        if (!TryParseNumstat(entry, out var add, out var del, out var binary, out var pathBytes))
        {
            return true;
        }
        if (pathBytes.IsEmpty)
        {
            if (i + 1 >= tokens.Count)
            {
                return false;
            }
            pathBytes = output[tokens[i + 1]];
            i += 2;
        }
        var place = countsInOrder.Count;
        if (stats.Count == 0 && place < raw.Count && IsPath(pathBytes, raw[place].Path))
        {
            countsInOrder.Add((add, del, binary));
            return true;
        }
        stats[GitLogParser.DecodeUtf8OrLatin1(pathBytes)] = (add, del, binary);
        return true;
    }

    /// <summary>Whether <paramref name="bytes"/> are <paramref name="path"/> as git wrote it: ASCII compared as is; any other
    /// path decoded as the raw entry's was.</summary>
    private static bool IsPath(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length == path.Length && Ascii.IsValid(bytes))
        {
            return Ascii.Equals(bytes, path);
        }
        return !Ascii.IsValid(bytes) && string.Equals(GitLogParser.DecodeUtf8OrLatin1(bytes), path, StringComparison.Ordinal);
    }

    private static bool TryParseNumstat(ReadOnlySpan<byte> entry, out int additions, out int deletions, out bool binary, out ReadOnlySpan<byte> path)
    {
        additions = deletions = 0;
        binary = false;
        path = default;
        var first = entry.IndexOf((byte)'\t');
        var second = first < 0 ? -1 : entry[(first + 1)..].IndexOf((byte)'\t');
        if (second < 0)
        {
            return false;
        }
        second += first + 1;
        var a = entry[..first];
        var d = entry[(first + 1)..second];
        if (a.SequenceEqual("-"u8) && d.SequenceEqual("-"u8))
        {
            binary = true;
        }
        else if (!int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out additions)
                 || !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out deletions))
        {
            return false;
        }
        path = entry[(second + 1)..];
        return true;
    }
}
