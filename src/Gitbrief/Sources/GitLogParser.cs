using System.Globalization;
using System.Text;

namespace Gitbrief.Sources;

/// <summary>Parses the output of one <c>git log -z --raw --numstat</c> call (format <see cref="Format"/>)
/// into commit records. Tokens are NUL-separated; paths come unquoted. The parser follows the structure
/// (fixed header fields, then raw entries with one or two paths, then numstat entries), so no path or
/// message content can be mistaken for a commit boundary.</summary>
internal static class GitLogParser
{
    private const string Marker = "\u0001gitbrief";
    private const int HeaderFields = 10;

    /// <summary>Header: marker, sha, parents, author name/email/date, committer name/email/date, encoding, message.</summary>
    public const string Format = "%x01gitbrief%x00%H%x00%P%x00%aN%x00%aE%x00%aI%x00%cN%x00%cE%x00%cI%x00%e%x00%B%x00";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static GitLogParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static List<CommitRecord> Parse(ReadOnlySpan<byte> output)
    {
        var tokens = Tokenize(output);
        var commits = new List<CommitRecord>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsMarker(output, tokens[i]))
            {
                i++;
                continue;
            }
            if (i + HeaderFields >= tokens.Count)
            {
                break;
            }
            commits.Add(ReadCommit(output, tokens, ref i));
        }
        return commits;
    }

    /// <summary>Reads the commit whose marker is at <paramref name="i"/>: its header, message and file entries;
    /// leaves <paramref name="i"/> after the last token read.</summary>
    private static CommitRecord ReadCommit(ReadOnlySpan<byte> output, List<Range> tokens, ref int i)
    {
        var field = new string[HeaderFields - 1];
        for (var f = 0; f < field.Length; f++)
        {
            field[f] = DecodeUtf8OrLatin1(Slice(output, tokens[i + 1 + f]));
        }
        var encoding = field[8];
        var message = DecodeMessage(Slice(output, tokens[i + HeaderFields]), encoding);
        i += HeaderFields + 1;
        return new CommitRecord
        {
            Sha = field[0],
            Parents = field[1].Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Author = new Person(field[2], field[3]),
            AuthoredAt = ParseDate(field[4]),
            Committer = new Person(field[5], field[6]),
            CommittedAt = ParseDate(field[7]),
            Message = NormalizeNewlines(message),
            Files = ReadFileChanges(output, tokens, ref i),
        };
    }

    /// <summary>Reads raw and numstat entries up to the next commit's marker and joins them by path; stops early
    /// when the output ends inside an entry. Entries are read from the bytes: only the paths become strings, once each
    /// (a commit touching 20,000 files makes 20,000 strings, not 120,000).</summary>
    private static List<FileChange> ReadFileChanges(ReadOnlySpan<byte> output, List<Range> tokens, ref int i)
    {
        var raw = new List<(FileStatus Status, string Path, string? OldPath)>();
        var stats = new Dictionary<string, (int Add, int Del, bool Binary)>(StringComparer.Ordinal);
        while (i < tokens.Count && !IsMarker(output, tokens[i]))
        {
            var token = Slice(output, tokens[i]).TrimStart((byte)'\n');
            i++;
            if (token.IsEmpty)
            {
                continue;
            }
            var complete = token[0] == (byte)':'
                ? TryReadRawEntry(token, output, tokens, ref i, raw)
                : TryReadNumstatEntry(token, output, tokens, ref i, stats);
            if (!complete)
            {
                break;
            }
        }
        var changes = new List<FileChange>(raw.Count);
        foreach (var (status, path, oldPath) in raw)
        {
            var (additions, deletions, binary) = stats.TryGetValue(path, out var counted) ? counted : (0, 0, false);
            changes.Add(new FileChange(path, oldPath, status, additions, deletions, binary));
        }
        return changes;
    }

    /// <summary>A raw entry (<c>:mode mode sha sha status</c>) followed by one path, or two for a rename or copy;
    /// false when the output ends before its paths.</summary>
    private static bool TryReadRawEntry(ReadOnlySpan<byte> entry, ReadOnlySpan<byte> output, List<Range> tokens, ref int i,
        List<(FileStatus Status, string Path, string? OldPath)> raw)
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
            var old = PathAt(output, tokens[i]);
            var now = PathAt(output, tokens[i + 1]);
            raw.Add((status!.Value, now, old));
            i += 2;
        }
        else
        {
            raw.Add((status ?? FileStatus.Modified, PathAt(output, tokens[i]), null));
            i++;
        }
        return true;
    }

    /// <summary>A numstat entry (<c>added TAB deleted TAB path</c>; for a rename the path is empty and the old and
    /// new paths follow as tokens); false when the output ends before its paths. Text that is no numstat entry is skipped.</summary>
    private static bool TryReadNumstatEntry(ReadOnlySpan<byte> entry, ReadOnlySpan<byte> output, List<Range> tokens, ref int i,
        Dictionary<string, (int Add, int Del, bool Binary)> stats)
    {
        if (!TryParseNumstat(entry, out var add, out var del, out var binary, out var pathBytes))
        {
            return true;
        }
        string path;
        if (pathBytes.IsEmpty)
        {
            if (i + 1 >= tokens.Count)
            {
                return false;
            }
            path = PathAt(output, tokens[i + 1]);
            i += 2;
        }
        else
        {
            path = DecodeUtf8OrLatin1(pathBytes);
        }
        stats[path] = (add, del, binary);
        return true;
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

    private static string PathAt(ReadOnlySpan<byte> output, Range token) => DecodeUtf8OrLatin1(Slice(output, token));

    private static DateTimeOffset ParseDate(string iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : DateTimeOffset.UnixEpoch;

    private static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Git re-encodes messages to UTF-8 when their header names an encoding it knows; what is still
    /// not valid UTF-8 is decoded with the header's encoding, or as Latin-1 (which never fails) without one.</summary>
    internal static string DecodeMessage(ReadOnlySpan<byte> bytes, string encodingHeader)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
        }
        if (encodingHeader.Length > 0)
        {
            try
            {
                var legacy = Encoding.GetEncoding(encodingHeader, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                return legacy.GetString(bytes);
            }
            catch (Exception e) when (e is ArgumentException or DecoderFallbackException)
            {
            }
        }
        return Encoding.Latin1.GetString(bytes);
    }

    private static string DecodeUtf8OrLatin1(ReadOnlySpan<byte> bytes) => DecodeMessage(bytes, string.Empty);

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> output, Range range) => output[range];

    private static bool IsMarker(ReadOnlySpan<byte> output, Range token)
    {
        var bytes = output[token];
        return bytes.Length == Marker.Length && bytes.SequenceEqual("\u0001gitbrief"u8);
    }

    private static List<Range> Tokenize(ReadOnlySpan<byte> output)
    {
        var tokens = new List<Range>();
        var start = 0;
        while (start <= output.Length)
        {
            var length = output[start..].IndexOf((byte)0);
            if (length < 0)
            {
                if (start < output.Length)
                {
                    tokens.Add(new Range(start, output.Length));
                }
                break;
            }
            tokens.Add(new Range(start, start + length));
            start += length + 1;
        }
        return tokens;
    }
}
