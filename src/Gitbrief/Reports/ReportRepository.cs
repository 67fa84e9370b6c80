namespace Gitbrief.Reports;

/// <summary>The repository a report is about, as shown to readers.</summary>
/// <param name="Name">Display name, e.g. owner/repo.</param>
/// <param name="Url">Web URL of the repository, when it is on a known host.</param>
/// <param name="Branch">The branch that was read.</param>
internal sealed record ReportRepository(string Name, string? Url, string Branch);
