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
        var entries = new FileEntries();
        while (i < tokens.Count && !IsMarker(output, tokens[i]))
        {
            if (!entries.Read(output, tokens, ref i))
            {
                break;
            }
        }
        return entries.ToList();
    }

    internal static string PathAt(ReadOnlySpan<byte> output, Range token) => DecodeUtf8OrLatin1(Slice(output, token));

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

    internal static string DecodeUtf8OrLatin1(ReadOnlySpan<byte> bytes) => DecodeMessage(bytes, string.Empty);

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> output, Range range) => output[range];

    private static bool IsMarker(ReadOnlySpan<byte> output, Range token)
    {
        var bytes = output[token];
        return bytes.Length == Marker.Length && bytes.SequenceEqual("\u0001gitbrief"u8);
    }

    internal static List<Range> Tokenize(ReadOnlySpan<byte> output) => Tokenize(output, []);

    /// <summary>The NUL-separated tokens of <paramref name="output"/> into <paramref name="tokens"/>, emptied first (a reader of
    /// thousands of entries reuses one list).</summary>
    internal static List<Range> Tokenize(ReadOnlySpan<byte> output, List<Range> tokens)
    {
        tokens.Clear();
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
