using Gitbrief.Output;
using Gitbrief.Reports;

namespace Gitbrief.Publishing;

/// <summary>One repository-day report, built and rendered, ready for the publish targets.</summary>
/// <param name="Name">The repository's short name, used in the archive layout (reports/YYYY/&lt;name&gt;/DATE.md).</param>
/// <param name="Json">The JSON report, UTF-8 without BOM, as its file holds it (a report of a commit touching 20,000 files
/// is megabytes: it is never turned into a string).</param>
/// <param name="Hash">SHA-256 of the Markdown: a changed report has a new hash.</param>
internal sealed record PublishedReport(DailyReport Report, string Name, string Markdown, ReadOnlyMemory<byte> Json, string Hash)
{
    public DateOnly Day => Report.Day.Date;

    public string IsoDate => Report.Day.IsoDate;

    /// <summary>The repository as shown (owner/repo, or the name).</summary>
    public string Repository => Report.Repository.Name;

    /// <summary>The report's language.</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.Zh;

    /// <summary>"" for the primary language, else ".en" / ".zh" (its files are DATE.en.md, DATE.en.json).</summary>
    public string LanguageSuffix { get; init; } = string.Empty;

    /// <summary>The ledger's key for the repository: the repository, and the language when it is not the primary one
    /// (the two languages' files are delivered separately).</summary>
    public string LedgerKey => Repository + LanguageSuffix;

    /// <summary>reports-relative path of a format, e.g. 2026/sglang/2026-01-12.md ('/' separators).</summary>
    public string RelativePath(string extension) => ReportFileLayout.RelativePath(Name, Day, extension, LanguageSuffix);
}
