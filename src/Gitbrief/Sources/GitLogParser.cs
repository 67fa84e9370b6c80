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
    /// when the output ends inside an entry.</summary>
    private static List<FileChange> ReadFileChanges(ReadOnlySpan<byte> output, List<Range> tokens, ref int i)
    {
        var raw = new List<(FileStatus Status, string Path, string? OldPath)>();
        var stats = new Dictionary<string, (int Add, int Del, bool Binary)>(StringComparer.Ordinal);
        while (i < tokens.Count && !IsMarker(output, tokens[i]))
        {
            var token = Slice(output, tokens[i]);
            i++;
            if (token.Length == 0)
            {
                continue;
            }
            var text = DecodeUtf8OrLatin1(token).TrimStart('\n');
            var complete = text.StartsWith(':')
                ? TryReadRawEntry(text, output, tokens, ref i, raw)
                : TryReadNumstatEntry(text, output, tokens, ref i, stats);
            if (!complete)
            {
                break;
            }
        }
        return raw
            .Select(r =>
            {
                var s = stats.TryGetValue(r.Path, out var v) ? v : (0, 0, false);
                return new FileChange(r.Path, r.OldPath, r.Status, s.Item1, s.Item2, s.Item3);
            })
            .ToList();
    }

    /// <summary>A raw entry (<c>:mode mode sha sha status</c>) followed by one path, or two for a rename or copy;
    /// false when the output ends before its paths.</summary>
    private static bool TryReadRawEntry(string text, ReadOnlySpan<byte> output, List<Range> tokens, ref int i,
        List<(FileStatus Status, string Path, string? OldPath)> raw)
    {
        var statusField = text[(text.LastIndexOf(' ') + 1)..];
        var status = statusField.Length > 0 ? FileStatusCodes.FromLetter(statusField[0]) : null;
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
    private static bool TryReadNumstatEntry(string text, ReadOnlySpan<byte> output, List<Range> tokens, ref int i,
        Dictionary<string, (int Add, int Del, bool Binary)> stats)
    {
        if (!TryParseNumstat(text, out var add, out var del, out var binary, out var path))
        {
            return true;
        }
        if (path.Length == 0)
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
            path = PathAt(output, tokens[i - 1], numstatPrefix: true);
        }
        stats[path] = (add, del, binary);
        return true;
    }

    private static bool TryParseNumstat(string text, out int additions, out int deletions, out bool binary, out string path)
    {
        additions = deletions = 0;
        binary = false;
        path = string.Empty;
        var first = text.IndexOf('\t');
        var second = first < 0 ? -1 : text.IndexOf('\t', first + 1);
        if (second < 0)
        {
            return false;
        }
        var a = text[..first];
        var d = text[(first + 1)..second];
        if (a == "-" && d == "-")
        {
            binary = true;
        }
        else if (!int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out additions)
                 || !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out deletions))
        {
            return false;
        }
        path = text[(second + 1)..];
        return true;
    }

    private static string PathAt(ReadOnlySpan<byte> output, Range token, bool numstatPrefix = false)
    {
        var bytes = Slice(output, token);
        if (numstatPrefix)
        {
            var tabs = 0;
            var start = 0;
            for (; start < bytes.Length && tabs < 2; start++)
            {
                if (bytes[start] == (byte)'\t')
                {
                    tabs++;
                }
            }
            bytes = bytes[start..];
        }
        return DecodeUtf8OrLatin1(bytes);
    }

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
