using System.Reflection;
using System.Text;
using Gitbrief.Common;
using Gitbrief.Output;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>Builds the static site from the JSON reports (never from git): index.html, per repository a page of all its
/// days, a "last 7 days" page and a page per day, search.html with its index shards, Atom feeds, and assets/site.css +
/// site.js. Output is deterministic (ordered, invariant, '\n', UTF-8 without BOM), and files whose bytes are unchanged
/// are left untouched. The build is incremental (<see cref="SiteManifest"/>): a new day reads its own report, renders
/// its page, its neighbours' pages, its repository's pages and search shard, the index and the feeds, and nothing
/// else; the result is byte-identical to a full build.</summary>
public static class SiteBuilder
{
    /// <summary>Raised when what a page shows changes without its inputs changing (a new page layout in the same build
    /// of the program is covered by <see cref="RendererIdentity"/>).</summary>
    private const int FormatVersion = 1;

    /// <summary>The index of earlier versions, now in shards under search/.</summary>
    private const string RetiredSearchIndex = "search-index.json";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<SiteResult> BuildAsync(SiteOptions options, CancellationToken cancellationToken)
    {
        var previous = options.Full ? SiteManifest.Empty : await SiteManifest.LoadAsync(options.OutputDirectory, cancellationToken).ConfigureAwait(false);
        var catalog = await ReportCatalog.LoadAsync(options.ReportsDirectory, options.Language, options.DefaultLanguage, previous, cancellationToken)
            .ConfigureAwait(false);
        var days = catalog.Days;
        var baseUrl = options.BaseUrl is null ? null : SiteOptions.NormalizeBaseUrl(options.BaseUrl);
        var build = BuildKey(options, baseUrl);
        var pages = new PagePlan(options.OutputDirectory, previous.Build == build ? previous.Pages : new Dictionary<string, string>());
        var text = SiteText.For(ReportCatalog.SiteLanguage(options.Language, days.Select(d => (ReportLanguage?)d.Language), options.DefaultLanguage));
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["assets/site.css"] = SiteAssets.Css,
            ["assets/site.js"] = SiteAssets.Js,
        };
        var repositories = SiteRepository.Group(days);
        files["index.html"] = IndexPage.Render(repositories, text);
        files["feed.atom"] = AtomFeed.Render("*", text.SiteTitle, "feed.atom", days, baseUrl, text);
        var lastDay = days.Count == 0 ? default : days.Max(d => d.Date);
        var shards = new List<SearchShard>();
        foreach (var repository in repositories)
        {
            var repositoryText = SiteText.For(repository.Latest.Language);
            files[repository.Name + "/feed.atom"] = AtomFeed.Render(repository.Name, $"{repository.Name} · Gitbrief", Html.FeedPath(repository.Name),
                repository.Days, baseUrl, repositoryText);
            files[repository.Name + "/index.html"] = RepositoryPage.Render(repository, lastDay, repositoryText);
            var week = WeekPage.Days(repository);
            pages.Plan(repository.Name + "/week.html", Key([repositoryText.Lang, .. week.Select(DayKey)]), week.Where(d => d.Stats.Total > 0),
                reports => WeekPage.Render(repository, repositoryText, reports));
            for (var i = 0; i < repository.Days.Count; i++)
            {
                var day = repository.Days[i];
                var older = i + 1 < repository.Days.Count ? repository.Days[i + 1] : null;
                var newer = i > 0 ? repository.Days[i - 1] : null;
                pages.Plan(repository.Name + "/" + day.IsoDate + ".html", Key(DayKey(day), older?.IsoDate ?? "-", newer?.IsoDate ?? "-"), [day],
                    reports => DayPage.Render(day, reports(day), SiteText.For(day.Language), older, newer));
            }
            foreach (var month in repository.Days.GroupBy(d => SearchIndex.ShardPath(repository.Name, d.Date), StringComparer.Ordinal))
            {
                var inMonth = month.ToList();
                shards.Add(new SearchShard(month.Key, inMonth[0].IsoDate[..7], repository.Name, inMonth.Sum(d => d.Stats.Total)));
                pages.PlanSearch(month.Key, Key([.. inMonth.Select(DayKey)]), inMonth,
                    commits => SearchIndex.RenderShard(inMonth.Select(d => (d, commits(d))).ToList()));
            }
        }
        files["search.html"] = SearchPage.Render(shards, text);
        var rendered = pages.Render(catalog.Read, cancellationToken);
        foreach (var (relative, content) in rendered)
        {
            files[relative] = content;
        }
        var changed = 0;
        foreach (var (relative, content) in files)
        {
            if (await FileWriter.WriteAsync(OutputPath(options.OutputDirectory, relative), Utf8NoBom.GetBytes(content.ReplaceLineEndings("\n")), cancellationToken)
                .ConfigureAwait(false))
            {
                changed++;
            }
        }
        File.Delete(OutputPath(options.OutputDirectory, RetiredSearchIndex));
        await new SiteManifest(build, catalog.Inputs, pages.Keys).SaveAsync(options.OutputDirectory, cancellationToken).ConfigureAwait(false);
        return new SiteResult(options.OutputDirectory, days.Count, files.Count + pages.Reused, changed, pages.Reused);
    }

    /// <summary>A site-relative path ('/'-separated) below the output directory.</summary>
    public static string OutputPath(string outputDirectory, string relative) =>
        Path.Combine(outputDirectory, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>What a page rendered from a day depends on: the report's bytes and the language it is shown in.</summary>
    private static string DayKey(SiteDay day) => day.IsoDate + ":" + day.Hash + ":" + day.Language.Code();

    private static string Key(params string[] parts) => Sha256.HexOf(Encoding.UTF8.GetBytes(string.Join('\n', parts)));

    /// <summary>The renderer (format version, program build) and the options every page depends on.</summary>
    private static string BuildKey(SiteOptions options, string? baseUrl) => Key(
        FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RendererIdentity(),
        baseUrl ?? "-",
        options.Language?.Code() ?? "-",
        options.DefaultLanguage.Code(),
        SiteAssets.Css,
        SiteAssets.Js);

    /// <summary>The program that renders: its version and its file's size and time, so that an upgrade (or a rebuild
    /// while developing) renders every page again.</summary>
    private static string RendererIdentity()
    {
        var assembly = typeof(SiteBuilder).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        // The library's file when it has one (JIT), else the native executable it is compiled into.
        var file = new[] { Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".dll"), Environment.ProcessPath }
            .FirstOrDefault(f => f is not null && File.Exists(f));
        if (file is null)
        {
            return version;
        }
        var info = new FileInfo(file);
        return string.Join(' ', version, info.Length, info.LastWriteTimeUtc.Ticks);
    }
}
