using System.Globalization;
using System.Text;
using Gitbrief.Common;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>Finds the JSON reports below a reports directory (<c>YYYY/&lt;repo-name&gt;/YYYY-MM-DD.json</c>) and reads
/// them back, ordered by repository name (ordinal) and day, newest first. Other files are ignored.</summary>
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
                foreach (var file in Directory.EnumerateFiles(repositoryDirectory, "*.json").Order(StringComparer.Ordinal))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var stem = Path.GetFileNameWithoutExtension(file);
                    if (!DateOnly.TryParseExact(stem, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        || date.Year.ToString("D4", CultureInfo.InvariantCulture) != year)
                    {
                        continue;
                    }
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
