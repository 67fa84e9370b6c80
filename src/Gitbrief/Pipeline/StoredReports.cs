using System.Text;
using Gitbrief.Output;
using Gitbrief.Publishing;
using Gitbrief.Rendering;
using Gitbrief.Store;

namespace Gitbrief.Pipeline;

/// <summary>The reports of a day that workers built and kept in the store (<see cref="IReportStore"/>), ready for the
/// publish targets: a fleet's publish job delivers these instead of reading git and building the reports again. A
/// repository's reports are those whose Markdown has a hash its unit recorded when it was done (one per language), in
/// the request's time zone and file layout; they are also written under the output directory in the request's formats,
/// as the report job writes them, so that a <c>dir</c> or <c>site</c> target on the publishing machine finds them.</summary>
internal static class StoredReports
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="hashes">By repository name (<see cref="Sources.RepositorySpec.Name"/>): the hashes of the Markdown
    /// reports its unit made that day.</param>
    /// <returns>The reports found (by repository, then language), and the repositories with a report not in the store
    /// (a unit done by an older version, say), which the caller builds again.</returns>
    public static async Task<(IReadOnlyList<PublishedReport> Reports, IReadOnlyList<string> Missing)> LoadAsync(
        ReportRequest request, IReportStore store, DateOnly day, IReadOnlyDictionary<string, IReadOnlyList<string>> hashes,
        CancellationToken cancellationToken)
    {
        var kept = (await store.ListReportsAsync(day, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Unit.Day == day && r.Unit.TimeZone == request.TimeZone.Id)
            .OrderByDescending(r => r.UpdatedAt)
            .ToList();
        var reports = new List<PublishedReport>();
        var missing = new List<string>();
        foreach (var (repository, markdownHashes) in hashes.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var found = markdownHashes.Count == 0 ? null : markdownHashes.Select(h => Find(request, kept, repository, day, h)).ToList();
            if (found is null || found.Any(f => f is null))
            {
                missing.Add(repository);
                continue;
            }
            reports.AddRange(found.OfType<PublishedReport>().OrderBy(r => r.LanguageSuffix, StringComparer.Ordinal));
        }
        foreach (var report in reports)
        {
            await WriteAsync(request, report, cancellationToken).ConfigureAwait(false);
        }
        return (reports, missing);
    }

    /// <summary>The newest kept Markdown with this hash at the repository's path in one of the request's languages, with
    /// the JSON of the same unit and language; null when either is not there or the JSON does not read.</summary>
    private static PublishedReport? Find(ReportRequest request, List<StoredReport> kept, string repository, DateOnly day, string hash)
    {
        foreach (var language in request.Languages)
        {
            var suffix = language == request.PrimaryLanguage ? string.Empty : "." + language.Code();
            var path = ReportFileLayout.RelativePath(repository, day, "md", suffix);
            var markdown = kept.FirstOrDefault(r => r.Format == "md" && r.Hash == hash && r.Language == language.Code() && r.RelativePath == path);
            if (markdown is null)
            {
                continue;
            }
            var json = kept.FirstOrDefault(r => r.Format == "json" && r.Unit == markdown.Unit && r.Language == markdown.Language);
            try
            {
                return json is null
                    ? null
                    : new PublishedReport(JsonReportReader.Read(json.Text), repository, markdown.Text, json.Content, markdown.Hash)
                    {
                        Language = language,
                        LanguageSuffix = suffix,
                    };
            }
            catch (Common.RepositoryException)
            {
                // A stored report that does not read is built again, like one that is not there.
                return null;
            }
        }
        return null;
    }

    private static async Task WriteAsync(ReportRequest request, PublishedReport report, CancellationToken cancellationToken)
    {
        foreach (var format in request.Formats)
        {
            var path = Path.Combine(request.OutputDirectory, report.RelativePath(format));
            await FileWriter.WriteAsync(path, format == "md" ? Utf8NoBom.GetBytes(report.Markdown) : report.Json, cancellationToken).ConfigureAwait(false);
        }
    }
}
