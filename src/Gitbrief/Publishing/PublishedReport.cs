using Gitbrief.Reports;

namespace Gitbrief.Publishing;

/// <summary>One repository-day report, built and rendered, ready for the publish targets.</summary>
/// <param name="Name">The repository's short name, used in the archive layout (reports/YYYY/&lt;name&gt;/DATE.md).</param>
/// <param name="Hash">SHA-256 of the Markdown: a changed report has a new hash.</param>
public sealed record PublishedReport(DailyReport Report, string Name, string Markdown, string Json, string Hash)
{
    public DateOnly Day => Report.Day.Date;

    public string IsoDate => Report.Day.IsoDate;

    /// <summary>The ledger's key for the repository (owner/repo, or the name).</summary>
    public string Repository => Report.Repository.Name;

    /// <summary>reports-relative path of a format, e.g. 2026/sglang/2026-01-12.md ('/' separators).</summary>
    public string RelativePath(string extension) => ReportFileLayout.RelativePath(Name, Day, extension);
}
