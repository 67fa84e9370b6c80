namespace Gitbrief.Site;

/// <summary>A path with every symbolic link in it resolved, as realpath(3) does: each link's target replaces it
/// and is resolved in turn (a relative target from the link's directory, ".." after what precedes it), so the
/// result names where the kernel would really go. Used to keep <c>serve</c> inside its directory.</summary>
internal static class RealPath
{
    /// <summary>More links than this on one path is a loop (Linux's MAXSYMLINKS is 40).</summary>
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The resolved absolute path (which may not exist past some point), or null for a link loop.</summary>
    public static string? Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? Path.DirectorySeparatorChar.ToString();
        var pending = new Stack<string>(Segments(full[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (pending.TryPop(out var segment))
        {
            if (segment == ".")
            {
                continue;
            }
            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Combine(current, segment);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? root;
                target = target[current.Length..];
            }
            foreach (var part in Segments(target).Reverse())
            {
                pending.Push(part);
            }
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or below it (both resolved, absolute).</summary>
    public static bool IsWithin(string path, string directory)
    {
        var prefix = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        return path == directory || path.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static string[] Segments(string path) => path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
