using Gitbrief.Analysis;
using Gitbrief.Sources;

namespace Gitbrief.Reports;

/// <summary>One commit in a report: the record, its classified files, importance, analysis and links.</summary>
internal sealed record ReportEntry
{
    public required CommitRecord Commit { get; init; }
    public required IReadOnlyList<ClassifiedFile> Files { get; init; }
    public required ImportanceAssessment Importance { get; init; }
    public required CommitAnalysis Analysis { get; init; }
    public string? CommitUrl { get; init; }
    public string? PullRequestUrl { get; init; }

    public ImportanceLevel Level => Importance.Level;
}
