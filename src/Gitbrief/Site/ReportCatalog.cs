using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Gitbrief.Common;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>Finds the JSON reports below a reports directory (<c>YYYY/&lt;repo-name&gt;/YYYY-MM-DD.json</c>) and reads
/// them back, ordered by repository name (ordinal) and day, newest first. Other files are ignored. Where a day was
/// written in two languages (YYYY-MM-DD.json and YYYY-MM-DD.en.json), one is read: the site's language if it has a
/// file of its own, else the plain (primary) one.</summary>
internal static class ReportCatalog
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Every report below the directory as a <see cref="SiteDay"/>. A report whose size and modification time
    /// are those <paramref name="previous"/> recorded is not read again (its hash and summary are taken from there);
    /// any other is read, hashed and, unless its bytes are the recorded ones, parsed (kept in
    /// <see cref="SiteCatalog.Read"/> so that the build never parses it twice).</summary>
    public static Task<SiteCatalog> LoadAsync(string reportsDirectory, ReportLanguage? language, ReportLanguage fallback,
        SiteManifest previous, CancellationToken cancellationToken) =>
        Task.FromResult(Load(reportsDirectory, language, fallback, previous, cancellationToken));

    private static SiteCatalog Load(string reportsDirectory, ReportLanguage? language, ReportLanguage fallback,
        SiteManifest previous, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(reportsDirectory))
        {
            throw new UsageException($"reports directory not found: {reportsDirectory}");
        }
        var known = previous.Inputs.GroupBy(i => i.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var found = new List<(string Name, DateOnly Date, string File, SiteManifestInput Input)>();
        var read = new Dictionary<string, JsonReport>(StringComparer.Ordinal);
        foreach (var (name, file) in ReportFiles(reportsDirectory, language))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var date = DateOnly.ParseExact(Path.GetFileName(file)[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var relative = Path.GetRelativePath(reportsDirectory, file).Replace(Path.DirectorySeparatorChar, '/');
            var info = new FileInfo(file);
            if (known.TryGetValue(relative, out var seen) && seen.Length == info.Length && seen.Modified == info.LastWriteTimeUtc.Ticks)
            {
                found.Add((name, date, file, seen));
                continue;
            }
            var bytes = ReadBytes(file);
            var hash = Sha256.HexOf(bytes);
            DaySummary summary;
            if (seen is not null && seen.Hash == hash)
            {
                summary = seen.Summary;
            }
            else
            {
                var report = Parse(file, bytes);
                read[file] = report;
                summary = DaySummary.Of(report, date);
            }
            found.Add((name, date, file, new SiteManifestInput(relative, bytes.LongLength, info.LastWriteTimeUtc.Ticks, hash, summary)));
        }
        var detected = found.Select(f => language ?? ReportLanguages.Parse(f.Input.Summary.DetectedLanguage ?? string.Empty)).ToList();
        var siteLanguage = SiteLanguage(language, detected, fallback);
        var days = found
            .Select((f, i) => new SiteDay(f.Name, f.Date, f.Input.Summary, detected[i] ?? siteLanguage, f.File, f.Input.Hash))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ThenByDescending(d => d.Date)
            .ToList();
        return new SiteCatalog(days, siteLanguage, found.Select(f => f.Input).ToList(), read);
    }

    /// <summary>Reads and parses one report (the build asks for the reports of the pages it renders again).</summary>
    public static JsonReport Read(string file) => Parse(file, ReadBytes(file));

    /// <summary>A report's bytes, read synchronously: a report is some kilobytes, and .NET's asynchronous file reads on Linux
    /// are the same call on another thread-pool thread (as <see cref="Output.FileWriter"/> says of its writes).</summary>
    private static byte[] ReadBytes(string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GitbriefException($"cannot read the report {file}: {e.Message}");
        }
    }

    /// <summary>Reads one report's commits as a search shard shows them (<see cref="SearchCommit"/>), the rest skipped.</summary>
    public static IReadOnlyList<SearchCommit> ReadCommits(string file) =>
        Parsed(file, ReadBytes(file),
            utf8 => JsonSerializer.Deserialize(utf8, SearchReportContext.Default.SearchReport),
            text => JsonSerializer.Deserialize(text, SearchReportContext.Default.SearchReport))?.Commits
        ?? throw new GitbriefException($"cannot read the report {file}: the report is empty");

    private static JsonReport Parse(string file, byte[] bytes) =>
        Parsed(file, bytes, utf8 => JsonReportRenderer.Parse(utf8), JsonReportRenderer.Parse);

    /// <summary>A report parsed from its bytes as they are when they are valid UTF-8 without a byte order mark (every report
    /// gitbrief writes); any other is decoded strictly first, as before, so that it fails or reads the same way.</summary>
    private static T Parsed<T>(string file, byte[] bytes, Func<byte[], T> fromUtf8, Func<string, T> fromText)
    {
        try
        {
            return Utf8.IsValid(bytes) && !bytes.AsSpan().StartsWith("\uFEFF"u8) ? fromUtf8(bytes) : fromText(StrictUtf8.GetString(bytes));
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            throw new GitbriefException($"cannot read the report {file}: {e.Message}");
        }
    }

    /// <summary>The report files (<c>YYYY/&lt;repo-name&gt;/YYYY-MM-DD[.lang].json</c>, one per repository-day) in path order,
    /// with the repository's folder name.</summary>
    private static IEnumerable<(string Name, string File)> ReportFiles(string reportsDirectory, ReportLanguage? language)
    {
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
                    yield return (name, file);
                }
            }
        }
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
