using System.IO.Enumeration;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>The pages of a build that show whole reports (day pages, "last 7 days" pages, search shards), each with
/// the key of what it is rendered from. A page whose key is the one the last build recorded, and whose file is still
/// there, is left as it is; the others are rendered, after the reports they need have been read (each once; a day only a
/// search shard needs, as its commits' searchable fields).</summary>
internal sealed class PagePlan(string outputDirectory, IReadOnlyDictionary<string, string> previous)
{
    private readonly SortedDictionary<string, string> keys = new(StringComparer.Ordinal);
    private readonly List<(string Path, IReadOnlyList<SiteDay> Days, Func<Func<SiteDay, JsonReport>, string> Render)> stale = [];
    private readonly List<(string Path, IReadOnlyList<SiteDay> Days, Func<Func<SiteDay, IReadOnlyList<SearchCommit>>, string> Render)> staleSearch = [];

    /// <summary>Every planned page and its key, for the next manifest.</summary>
    public IReadOnlyDictionary<string, string> Keys => keys;

    /// <summary>Pages left as they were.</summary>
    public int Reused { get; private set; }

    public void Plan(string path, string key, IEnumerable<SiteDay> days, Func<Func<SiteDay, JsonReport>, string> render)
    {
        if (IsStale(path, key))
        {
            stale.Add((path, days.ToList(), render));
        }
    }

    /// <summary>A search shard: rendered from its days' commits only (<see cref="SearchCommit"/>), read whole only when another
    /// page of the build reads the day's report whole anyway.</summary>
    public void PlanSearch(string path, string key, IEnumerable<SiteDay> days, Func<Func<SiteDay, IReadOnlyList<SearchCommit>>, string> render)
    {
        if (IsStale(path, key))
        {
            staleSearch.Add((path, days.ToList(), render));
        }
    }

    /// <summary>Records the page's key; whether it has to be rendered (else it counts as reused).</summary>
    private bool IsStale(string path, string key)
    {
        keys[path] = key;
        if (previous.TryGetValue(path, out var old) && old == key && Exists(path))
        {
            Reused++;
            return false;
        }
        return true;
    }

    /// <summary>The files of each folder of the output that a page is planned in, listed once: whether the pages of a site of
    /// hundreds of days are still there is a few directory reads, not a file lookup each.</summary>
    private readonly Dictionary<string, HashSet<string>> listed = new(StringComparer.Ordinal);

    /// <summary>Whether the page's file is there, as <see cref="File.Exists"/> says: a regular file listed in its folder is; any
    /// other name (a link, or nothing) is looked up.</summary>
    private bool Exists(string path)
    {
        var file = SiteBuilder.OutputPath(outputDirectory, path);
        var folder = Path.GetDirectoryName(file)!;
        if (!listed.TryGetValue(folder, out var names))
        {
            names = RegularFiles(folder);
            listed[folder] = names;
        }
        return names.Contains(Path.GetFileName(file)) || File.Exists(file);
    }

    /// <summary>The names of the regular files in <paramref name="folder"/> (none when it cannot be listed).</summary>
    private static HashSet<string> RegularFiles(string folder)
    {
        try
        {
            var files = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.FileName.ToString())
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0,
            };
            return new HashSet<string>(files, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Renders the stale pages; <paramref name="read"/> holds reports the build has already parsed.</summary>
    public IReadOnlyList<(string Path, string Content)> Render(IReadOnlyDictionary<string, JsonReport> read, CancellationToken cancellationToken)
    {
        var reports = new Dictionary<string, JsonReport>(read, StringComparer.Ordinal);
        foreach (var day in stale.SelectMany(p => p.Days))
        {
            if (!reports.ContainsKey(day.File))
            {
                cancellationToken.ThrowIfCancellationRequested();
                reports[day.File] = ReportCatalog.Read(day.File);
            }
        }
        IReadOnlyList<SearchCommit> Commits(SiteDay day)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return reports.TryGetValue(day.File, out var whole) ? [.. whole.Commits.Select(SearchCommit.Of)] : ReportCatalog.ReadCommits(day.File);
        }
        return
        [
            .. stale.Select(p => (p.Path, p.Render(day => reports[day.File]))),
            .. staleSearch.Select(p => (p.Path, p.Render(Commits))),
        ];
    }
}
