using System.Text;

namespace Gitbrief.Sources;

/// <summary>Reads the patch of one commit (against its first parent) and splits it per file and per hunk.
/// Only the LLM analyzer needs patches, and only for commits it has not analysed before.</summary>
internal static class PatchReader
{
    private const string FileStart = "diff --git ";

    public static async Task<IReadOnlyDictionary<string, FilePatch>> ReadAsync(string gitDirectory, string sha, CancellationToken cancellationToken)
    {
        var bytes = await GitCommand.RunAsync(
            gitDirectory,
            ["-c", "core.quotepath=false", "show", "--format=", "--no-color", "--no-ext-diff", "--no-textconv", "-p", "-M",
             "--diff-merges=first-parent", sha, "--"],
            cancellationToken).ConfigureAwait(false);
        return Parse(Encoding.UTF8.GetString(bytes));
    }

    /// <summary>Splits <c>git show -p</c> output into file patches keyed by the new path (old path for deletions).</summary>
    public static IReadOnlyDictionary<string, FilePatch> Parse(string text)
    {
        var patches = new Dictionary<string, FilePatch>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        if (text.EndsWith('\n'))
        {
            // The final line end does not start another (empty) line of the last hunk.
            lines = lines[..^1];
        }
        var i = 0;
        while (i < lines.Length)
        {
            if (!lines[i].StartsWith(FileStart, StringComparison.Ordinal))
            {
                i++;
                continue;
            }
            var header = new StringBuilder();
            string? path = null;
            string? deletedPath = null;
            header.Append(lines[i]).Append('\n');
            var fallbackPath = PathFromDiffLine(lines[i]);
            i++;
            while (i < lines.Length && !lines[i].StartsWith("@@", StringComparison.Ordinal) && !lines[i].StartsWith(FileStart, StringComparison.Ordinal))
            {
                var line = lines[i];
                header.Append(line).Append('\n');
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
                i++;
            }
            var hunks = new List<string>();
            while (i < lines.Length && lines[i].StartsWith("@@", StringComparison.Ordinal))
            {
                var hunk = new StringBuilder();
                hunk.Append(lines[i]).Append('\n');
                i++;
                while (i < lines.Length && !lines[i].StartsWith("@@", StringComparison.Ordinal) && !lines[i].StartsWith(FileStart, StringComparison.Ordinal))
                {
                    hunk.Append(lines[i]).Append('\n');
                    i++;
                }
                hunks.Add(hunk.ToString());
            }
            var key = path ?? deletedPath ?? fallbackPath;
            if (key is not null)
            {
                patches.TryAdd(key, new FilePatch(key, header.ToString(), hunks));
            }
        }
        return patches;
    }

    /// <summary>"diff --git a/x b/x" names the path twice; when both halves agree, that is the path.</summary>
    private static string? PathFromDiffLine(string line)
    {
        var rest = line[FileStart.Length..];
        if (rest.Length < 5 || !rest.StartsWith("a/", StringComparison.Ordinal) || rest.Length % 2 == 0)
        {
            return null;
        }
        var half = (rest.Length - 1) / 2;
        var first = rest[2..half];
        var second = rest[(half + 3)..];
        return first == second ? first : null;
    }

    /// <summary>Undoes git's C-style quoting of unusual paths ("a\tb", octal escapes for bytes).</summary>
    private static string Unquote(string path)
    {
        path = path.TrimEnd('\t');
        if (path.Length < 2 || path[0] != '"' || path[^1] != '"')
        {
            return path;
        }
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
