namespace Gitbrief.Analysis;

/// <summary>A component (a meaningful directory) a commit touched, with its file count and line totals.</summary>
internal sealed record ImpactedComponent(string Path, int Files, int Additions, int Deletions);
