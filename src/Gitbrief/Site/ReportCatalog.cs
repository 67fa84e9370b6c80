using System.Globalization;
using System.Text;
using Gitbrief.Common;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>Finds the JSON reports below a reports directory (<c>YYYY/&lt;repo-name&gt;/YYYY-MM-DD.json</c>) and reads
/// them back, ordered by repository name (ordinal) and day, newest first. Other files are ignored. Where a day was
/// written in two languages (YYYY-MM-DD.json and YYYY-MM-DD.en.json), one is read: the site's language if it has a
/// file of its own, else the plain (primary) one.</summary>
internal static class ReportCatalog
{
    public static async Task<IReadOnlyList<SiteDay>> LoadAsync(string reportsDirectory, ReportLanguage? language, ReportLanguage fallback,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(reportsDirectory))
        {
            throw new UsageException($"reports directory not found: {reportsDirectory}");
        }
        var found = new List<(string Name, DateOnly Date, JsonReport Report)>();
        foreach (var yearDirectory in Directory.EnumerateDirectories(reportsDirectory).Order(StringComparer.Ordinal))
        {
            var year = Path.GetFileName(yearDirectory);
            if (year.Length != 4 || !year.All(char.IsAsciiDigit))
            {
                continue;
            }
            foreach (var repositoryDirectory in Directory.EnumerateDirectories(yearDirectory).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(repositoryDirectory);
                if (name.StartsWith('.'))
                {
                    continue;
                }
                foreach (var file in ChooseLanguage(Directory.EnumerateFiles(repositoryDirectory, "*.json"), year, language))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var date = DateOnly.ParseExact(Path.GetFileName(file)[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    JsonReport report;
                    try
                    {
                        var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
                        report = JsonReportRenderer.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
                    }
                    catch (Exception e) when (e is System.Text.Json.JsonException or DecoderFallbackException)
                    {
                        throw new GitbriefException($"cannot read the report {file}: {e.Message}");
                    }
                    found.Add((name, date, report));
                }
            }
        }
        var detected = found.Select(f => (f.Name, f.Date, f.Report, Language: language ?? LanguageDetector.Detect(f.Report))).ToList();
        var siteLanguage = SiteLanguage(language, detected.Select(d => d.Language), fallback);
        return detected
            .Select(d => new SiteDay(d.Name, d.Date, d.Report, d.Language ?? siteLanguage))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ThenByDescending(d => d.Date)
            .ToList();
    }

    /// <summary>The report files of a repository's folder, one per day (in file-name order): YYYY-MM-DD.json, or
    /// YYYY-MM-DD.&lt;lang&gt;.json when that is the site's language or the day has no plain file.</summary>
    private static IEnumerable<string> ChooseLanguage(IEnumerable<string> files, string year, ReportLanguage? language)
    {
        var preferred = language is { } given ? "." + given.Code() : null;
        return files
            .Select(file => (File: file, Name: Path.GetFileName(file)))
            .Select(f => (f.File, Date: f.Name.Length >= 15 ? f.Name[..10] : string.Empty, Suffix: f.Name.Length >= 15 ? f.Name[10..^5] : "?"))
            .Where(f => DateOnly.TryParseExact(f.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && date.Year.ToString("D4", CultureInfo.InvariantCulture) == year
                && (f.Suffix.Length == 0 || ReportLanguages.Codes.Any(code => f.Suffix == "." + code)))
            .GroupBy(f => f.Date, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(f => f.Suffix == preferred ? 0 : f.Suffix.Length == 0 ? 1 : 2).ThenBy(f => f.Suffix, StringComparer.Ordinal).First().File);
    }

    /// <summary>The language of the site's own pages: as given, else the one most reports are in (zh on a tie),
    /// else the fallback.</summary>
    public static ReportLanguage SiteLanguage(ReportLanguage? language, IEnumerable<ReportLanguage?> detected, ReportLanguage fallback)
    {
        if (language is { } given)
        {
            return given;
        }
        var list = detected.OfType<ReportLanguage>().ToList();
        if (list.Count == 0)
        {
            return fallback;
        }
        var en = list.Count(l => l == ReportLanguage.En);
        return en > list.Count - en ? ReportLanguage.En : ReportLanguage.Zh;
    }
}
