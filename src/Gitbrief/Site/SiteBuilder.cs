using System.Text;
using Gitbrief.Publishing;

namespace Gitbrief.Site;

/// <summary>Builds the static site from the JSON reports (never from git): index.html, a page per repository-day,
/// search.html with search-index.json, Atom feeds, and assets/site.css + site.js. Output is deterministic (ordered,
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
            ["index.html"] = IndexPage.Render(days, text),
        };
        var searchIndex = SearchIndex.Render(days);
        files["search-index.json"] = searchIndex + "\n";
        files["search.html"] = SearchPage.Render(searchIndex, text);
        files["feed.atom"] = AtomFeed.Render("*", text.SiteTitle, "feed.atom", days, baseUrl, text);
        foreach (var repository in days.GroupBy(d => d.Name, StringComparer.Ordinal))
        {
            var feedText = SiteText.For(repository.First().Language);
            files[repository.Key + "/feed.atom"] = AtomFeed.Render(repository.Key, $"{repository.Key} · Gitbrief", Html.FeedPath(repository.Key),
                repository.ToList(), baseUrl, feedText);
            foreach (var day in repository)
            {
                files[repository.Key + "/" + day.IsoDate + ".html"] = DayPage.Render(day, SiteText.For(day.Language));
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
