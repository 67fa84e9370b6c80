using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>The pages of a build that show whole reports (day pages, "last 7 days" pages, search shards), each with
/// the key of what it is rendered from. A page whose key is the one the last build recorded, and whose file is still
/// there, is left as it is; the others are rendered, after the reports they need have been read (each once).</summary>
internal sealed class PagePlan(string outputDirectory, IReadOnlyDictionary<string, string> previous)
{
    private readonly SortedDictionary<string, string> keys = new(StringComparer.Ordinal);
    private readonly List<(string Path, IReadOnlyList<SiteDay> Days, Func<Func<SiteDay, JsonReport>, string> Render)> stale = [];

    /// <summary>Every planned page and its key, for the next manifest.</summary>
    public IReadOnlyDictionary<string, string> Keys => keys;

    /// <summary>Pages left as they were.</summary>
    public int Reused { get; private set; }

    public void Plan(string path, string key, IEnumerable<SiteDay> days, Func<Func<SiteDay, JsonReport>, string> render)
    {
        keys[path] = key;
        if (previous.TryGetValue(path, out var old) && old == key
            && File.Exists(SiteBuilder.OutputPath(outputDirectory, path)))
        {
            Reused++;
            return;
        }
        stale.Add((path, days.ToList(), render));
    }

    /// <summary>Renders the stale pages; <paramref name="read"/> holds reports the build has already parsed.</summary>
    public async Task<IReadOnlyList<(string Path, string Content)>> RenderAsync(IReadOnlyDictionary<string, JsonReport> read,
        CancellationToken cancellationToken)
    {
        var reports = new Dictionary<string, JsonReport>(read, StringComparer.Ordinal);
        foreach (var day in stale.SelectMany(p => p.Days))
        {
            if (!reports.ContainsKey(day.File))
            {
                reports[day.File] = await ReportCatalog.ReadAsync(day.File, cancellationToken).ConfigureAwait(false);
            }
        }
        return stale.Select(p => (p.Path, p.Render(day => reports[day.File]))).ToList();
    }
}
