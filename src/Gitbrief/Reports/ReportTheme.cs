using Gitbrief.Analysis;

namespace Gitbrief.Reports;

/// <summary>One theme of a day: related commits grouped together (a pull request's series, one scope or component,
/// shared files and title words), with a title, an optional one-sentence summary (the LLM's), the highest level of
/// its commits, the commits' shas in report order and how many are at each level.</summary>
internal sealed record ReportTheme
{
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public required ImportanceLevel Level { get; init; }
    public required IReadOnlyList<string> Commits { get; init; }
    public required ThemeCounts Counts { get; init; }
}
