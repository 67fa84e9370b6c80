namespace Gitbrief.Analysis;

/// <summary>Collapses changed files into the components (directories) they belong to: each file's directory
/// up to three levels deep, then the deepest groups fold into their parents until at most six remain.
/// Lockfile, generated, vendored and binary churn is not counted in the line totals.</summary>
internal static class ComponentGrouper
{
    public const string Root = "(root)";
    private const int MaxDepth = 3;
    private const int MaxComponents = 6;

    /// <remarks>The folding works on the distinct directories, not on one key per file: a commit touching 20,000 files in
    /// 80 directories folds 80 names (the groups, their order and their totals are those of folding every file's key).</remarks>
    public static IReadOnlyList<ImpactedComponent> Group(IReadOnlyList<ClassifiedFile> files)
    {
        if (files.Count == 0)
        {
            return [];
        }
        // Each file's directory, as the index of a distinct name (one string per directory, looked up by span).
        var names = new List<string>();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = indexOf.GetAlternateLookup<ReadOnlySpan<char>>();
        var keyOf = new int[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i].Change.Path;
            var directory = DirectorySpan(path, MaxDepth);
            if (!lookup.TryGetValue(directory, out var index))
            {
                var name = directory.ToString();
                index = names.Count;
                names.Add(name);
                indexOf[name] = index;
            }
            keyOf[i] = index;
        }
        // Fold the deepest names into their parents until few enough distinct ones remain.
        var folded = names.ToArray();
        while (folded.Distinct(StringComparer.Ordinal).Count() > MaxComponents)
        {
            var deepest = folded.Max(Depth);
            if (deepest == 0)
            {
                break;
            }
            for (var n = 0; n < folded.Length; n++)
            {
                folded[n] = Depth(folded[n]) == deepest ? Parent(folded[n]) : folded[n];
            }
        }
        var groups = new Dictionary<string, (int Files, long Additions, long Deletions)>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var key = folded[keyOf[i]];
            var (count, additions, deletions) = groups.GetValueOrDefault(key);
            var file = files[i];
            groups[key] = file.IsMeaningful
                ? (count + 1, additions + file.Change.Additions, deletions + file.Change.Deletions)
                : (count + 1, additions, deletions);
        }
        return groups
            .Select(g => new ImpactedComponent(g.Key, g.Value.Files, Clamp(g.Value.Additions), Clamp(g.Value.Deletions)))
            .OrderByDescending(c => (long)c.Additions + c.Deletions)
            .ThenByDescending(c => c.Files)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The first <paramref name="depth"/> directories of <paramref name="path"/> (never its file name), or
    /// <see cref="Root"/>: a path as git writes it (no empty segment) is cut at its slash, a span of it; any other is split
    /// and joined without its empty segments.</summary>
    private static ReadOnlySpan<char> DirectorySpan(string path, int depth)
    {
        if (!IsPlain(path))
        {
            return SplitDirectory(path, depth);
        }
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
        return end < 0 ? Root : path.AsSpan(0, end);
    }

    /// <summary>A path as git writes it: no leading, trailing or doubled slash.</summary>
    private static bool IsPlain(string path) =>
        path.Length > 0 && path[0] != '/' && path[^1] != '/' && !path.Contains("//", StringComparison.Ordinal);

    /// <summary>The first <paramref name="depth"/> directories of a path that is not as git writes it, split and joined
    /// without its empty segments, or <see cref="Root"/>.</summary>
    private static string SplitDirectory(string path, int depth)
    {
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
