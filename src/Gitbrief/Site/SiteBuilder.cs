using System.Text;
using Gitbrief.Output;

namespace Gitbrief.Site;

/// <summary>Builds the static site from the JSON reports (never from git): index.html, per repository a page of all its
/// days, a "last 7 days" page and a page per day, search.html with search-index.json, Atom feeds, and assets/site.css +
/// site.js. Output is deterministic (ordered,
/// invariant, '\n', UTF-8 without BOM), and files whose bytes are unchanged are left untouched.</summary>
internal static class SiteBuilder
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<SiteResult> BuildAsync(SiteOptions options, CancellationToken cancellationToken)
    {
        var days = await ReportCatalog.LoadAsync(options.ReportsDirectory, options.Language, options.DefaultLanguage, cancellationToken)
            .ConfigureAwait(false);
        var baseUrl = options.BaseUrl is null ? null : SiteOptions.NormalizeBaseUrl(options.BaseUrl);
        var text = SiteText.For(ReportCatalog.SiteLanguage(options.Language, days.Select(d => (ReportLanguage?)d.Language), options.DefaultLanguage));
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["assets/site.css"] = SiteAssets.Css,
            ["assets/site.js"] = SiteAssets.Js,
        };
        var repositories = SiteRepository.Group(days);
        files["index.html"] = IndexPage.Render(repositories, text);
        var searchIndex = SearchIndex.Render(days);
        files["search-index.json"] = searchIndex + "\n";
        files["search.html"] = SearchPage.Render(searchIndex, text);
        files["feed.atom"] = AtomFeed.Render("*", text.SiteTitle, "feed.atom", days, baseUrl, text);
        var lastDay = days.Count == 0 ? default : days.Max(d => d.Date);
        foreach (var repository in repositories)
        {
            var repositoryText = SiteText.For(repository.Latest.Language);
            files[repository.Name + "/feed.atom"] = AtomFeed.Render(repository.Name, $"{repository.Name} · Gitbrief", Html.FeedPath(repository.Name),
                repository.Days, baseUrl, repositoryText);
            files[repository.Name + "/index.html"] = RepositoryPage.Render(repository, lastDay, repositoryText);
            files[repository.Name + "/week.html"] = WeekPage.Render(repository, repositoryText);
            for (var i = 0; i < repository.Days.Count; i++)
            {
                var day = repository.Days[i];
                var older = i + 1 < repository.Days.Count ? repository.Days[i + 1] : null;
                var newer = i > 0 ? repository.Days[i - 1] : null;
                files[repository.Name + "/" + day.IsoDate + ".html"] = DayPage.Render(day, SiteText.For(day.Language), older, newer);
            }
        }
        var changed = 0;
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(options.OutputDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
            if (await FileWriter.WriteAsync(path, Utf8NoBom.GetBytes(content.ReplaceLineEndings("\n")), cancellationToken).ConfigureAwait(false))
            {
                changed++;
            }
        }
        return new SiteResult(options.OutputDirectory, days.Count, files.Count, changed);
    }
}

/// <summary>What a site build did: repository-days read, files in the site, files created or changed.</summary>
internal sealed record SiteResult(string OutputDirectory, int Reports, int Files, int Changed);
