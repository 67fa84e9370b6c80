namespace Gitbrief.Analysis;

/// <summary>Collapses changed files into the components (directories) they belong to: each file's directory
/// up to three levels deep, then the deepest groups fold into their parents until at most six remain.
/// Lockfile, generated, vendored and binary churn is not counted in the line totals.</summary>
internal static class ComponentGrouper
{
    public const string Root = "(root)";
    private const int MaxDepth = 3;
    private const int MaxComponents = 6;

    public static IReadOnlyList<ImpactedComponent> Group(IReadOnlyList<ClassifiedFile> files)
    {
        if (files.Count == 0)
        {
            return [];
        }
        var keys = files.Select(f => Directory(f.Change.Path, MaxDepth)).ToList();
        while (keys.Distinct(StringComparer.Ordinal).Count() > MaxComponents)
        {
            var deepest = keys.Max(Depth);
            if (deepest == 0)
            {
                break;
            }
            keys = keys.Select(k => Depth(k) == deepest ? Parent(k) : k).ToList();
        }
        return files
            .Zip(keys)
            .GroupBy(p => p.Second, StringComparer.Ordinal)
            .Select(g => new ImpactedComponent(
                g.Key,
                g.Count(),
                Clamp(g.Where(p => p.First.IsMeaningful).Sum(p => (long)p.First.Change.Additions)),
                Clamp(g.Where(p => p.First.IsMeaningful).Sum(p => (long)p.First.Change.Deletions))))
            .OrderByDescending(c => (long)c.Additions + c.Deletions)
            .ThenByDescending(c => c.Files)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The first <paramref name="depth"/> directories of <paramref name="path"/> (never its file name), or
    /// <see cref="Root"/>. A path as git writes it (no empty segment) is cut at its slash, one string per file; any other
    /// is split and joined without its empty segments.</summary>
    private static string Directory(string path, int depth)
    {
        if (path.Length > 0 && path[0] != '/' && path[^1] != '/' && !path.Contains("//", StringComparison.Ordinal))
        {
            var end = -1;
            for (var taken = 0; taken < depth; taken++)
            {
                var next = path.IndexOf('/', end + 1);
                if (next < 0)
                {
                    break;
                }
                end = next;
            }
            return end < 0 ? Root : path[..end];
        }
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length <= 1 ? Root : string.Join('/', segments.Take(Math.Min(depth, segments.Length - 1)));
    }

    private static int Clamp(long lines) => (int)Math.Min(int.MaxValue, lines);

    private static int Depth(string key) => key == Root ? 0 : key.AsSpan().Count('/') + 1;

    private static string Parent(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash < 0 ? Root : key[..slash];
    }
}
