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

    /// <summary>The number of files (raw entries) read so far.</summary>
    public int Count => raw.Count;

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

    /// <summary>Takes the line counts from the commit's patch instead of numstat entries: <paramref name="sections"/> are the
    /// patch's file sections in order, one per raw entry (two for a type change, which git shows as a deletion and an
    /// addition, and numstat as their sum). False, leaving the counts alone, when a section cannot give numstat's figures:
    /// the sections don't match the entries, or a section without hunks nor "Binary files" line (a pure rename, a mode
    /// change, an empty file), for which numstat says "binary" or not by the content and attributes, not by the patch.</summary>
    public bool TryCountFrom(IReadOnlyList<PatchCount> sections)
    {
        var counted = new (int Add, int Del, bool Binary)[raw.Count];
        var next = 0;
        for (var i = 0; i < raw.Count; i++)
        {
            var (status, _, _) = raw[i];
            for (var taken = status == FileStatus.TypeChanged ? 2 : 1; taken > 0; taken--)
            {
                if (next >= sections.Count || sections[next] is { HasHunks: false, Binary: false })
                {
                    return false;
                }
                var section = sections[next++];
                counted[i] = (counted[i].Add + section.Additions, counted[i].Del + section.Deletions, counted[i].Binary || section.Binary);
            }
        }
        if (next != sections.Count)
        {
            return false;
        }
        // In the order of the raw entries, as numstat's would be: no look-up by path.
        stats.Clear();
        countsInOrder.Clear();
        foreach (var counts in counted)
        {
            countsInOrder.Add(counts.Binary ? (0, 0, true) : counts);
        }
        return true;
    }

    /// <summary>The paths of the raw entries read so far, in git's order.</summary>
    public List<string> Paths() => raw.ConvertAll(r => r.Path);

    /// <summary>Whether every file read so far was modified in place (no addition, deletion, rename, copy or type change):
    /// then no file's diff depends on another's, and git can count any subset of them on its own.</summary>
    public bool AllModified => raw.TrueForAll(r => r.Status == FileStatus.Modified);

    /// <summary>Takes the line counts from <c>git log -z --numstat</c> outputs that together list every raw entry once, in
    /// the raw entries' order (<see cref="WideCommitCounts"/>: each a part of the commit's files, the parts in order). False,
    /// leaving the counts alone, when they do not: an entry missing, repeated, out of place or unreadable.</summary>
    public bool TryCountFromNumstat(IReadOnlyList<byte[]> outputs)
    {
        var counted = new List<(int Add, int Del, bool Binary)>(raw.Count);
        foreach (var output in outputs)
        {
            foreach (var token in GitLogParser.Tokenize(output))
            {
                var entry = output.AsSpan()[token].TrimStart((byte)'\n');
                if (entry.IsEmpty)
                {
                    continue;
                }
                if (counted.Count >= raw.Count || !TryParseNumstat(entry, out var add, out var del, out var binary, out var path)
                    || path.IsEmpty || !IsPath(path, raw[counted.Count].Path))
                {
                    return false;
                }
                counted.Add((add, del, binary));
            }
        }
        if (counted.Count != raw.Count)
        {
            return false;
        }
        stats.Clear();
        countsInOrder.Clear();
        countsInOrder.AddRange(counted);
        return true;
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
