using System.Text;

namespace Gitbrief.Sources;

/// <summary>The path one file section of a unified diff is known by, read from its header lines: the new path (the
/// "+++ b/" line, or "rename to" / "copy to"), else the old one (a deletion's "--- a/" line), else the path that
/// "diff --git a/x b/x" names twice (a section without those lines: a mode change, an empty or binary file).</summary>
internal sealed class FileSectionPath
{
    /// <summary>The line that starts a file section.</summary>
    public const string FileStart = "diff --git ";

    private string? path;
    private string? deletedPath;
    private string? fallbackPath;

    /// <summary>The section's path so far: null when its header names none.</summary>
    public string? Key => path ?? deletedPath ?? fallbackPath;

    /// <summary>Starts a section at its "diff --git" line.</summary>
    public void Start(ReadOnlySpan<char> diffLine)
    {
        path = deletedPath = null;
        fallbackPath = PathFromDiffLine(diffLine);
    }

    /// <summary>Forgets the section (none is open).</summary>
    public void Clear() => path = deletedPath = fallbackPath = null;

    /// <summary>Whether a header line (git's bytes) can name the section's path: only these are read by
    /// <see cref="ReadHeaderLine"/>, so a reader of bytes decodes no other.</summary>
    public static bool MayName(ReadOnlySpan<byte> line) =>
        line.StartsWith("+++ "u8) || line.StartsWith("--- "u8) || line.StartsWith("rename to "u8) || line.StartsWith("copy to "u8);

    /// <summary>Reads one header line of the section (between "diff --git" and the first hunk), without its line end.</summary>
    public void ReadHeaderLine(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("+++ b/", StringComparison.Ordinal))
        {
            path = Unquote(line[6..]);
        }
        else if (line.StartsWith("+++ \"b/", StringComparison.Ordinal))
        {
            path = Unquote(line[4..])[2..];
        }
        else if (line.StartsWith("--- a/", StringComparison.Ordinal))
        {
            deletedPath = Unquote(line[6..]);
        }
        else if (line.StartsWith("--- \"a/", StringComparison.Ordinal))
        {
            deletedPath = Unquote(line[4..])[2..];
        }
        else if (line.StartsWith("rename to ", StringComparison.Ordinal) || line.StartsWith("copy to ", StringComparison.Ordinal))
        {
            path = Unquote(line[(line.IndexOf(" to ", StringComparison.Ordinal) + 4)..]);
        }
    }

    /// <summary>"diff --git a/x b/x" names the path twice; when both halves agree, that is the path.</summary>
    private static string? PathFromDiffLine(ReadOnlySpan<char> line)
    {
        var rest = line[FileStart.Length..];
        if (rest.Length < 5 || !rest.StartsWith("a/", StringComparison.Ordinal) || rest.Length % 2 == 0)
        {
            return null;
        }
        var half = (rest.Length - 1) / 2;
        var first = rest[2..half];
        return first.SequenceEqual(rest[(half + 3)..]) ? first.ToString() : null;
    }

    /// <summary>A path the section's header names again (its "--- a/" and "+++ b/" lines repeat what "diff --git" named) as
    /// the string already read, not one more copy of it: a day's small commits name thousands of paths.</summary>
    private string Named(ReadOnlySpan<char> text) =>
        fallbackPath is { } named && text.SequenceEqual(named) ? named
        : deletedPath is { } deleted && text.SequenceEqual(deleted) ? deleted
        : text.ToString();

    /// <summary>Undoes git's C-style quoting of unusual paths ("a\tb", octal escapes for bytes).</summary>
    private string Unquote(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd('\t');
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return Named(text);
        }
        var path = text.ToString();
        var bytes = new List<byte>();
        for (var i = 1; i < path.Length - 1; i++)
        {
            var c = path[i];
            if (c != '\\' || i + 1 >= path.Length - 1)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            var next = path[++i];
            switch (next)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case '"': bytes.Add((byte)'"'); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case >= '0' and <= '7' when i + 2 < path.Length - 1:
                    bytes.Add(Convert.ToByte(path.Substring(i, 3), 8));
                    i += 2;
                    break;
                default: bytes.Add((byte)next); break;
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
