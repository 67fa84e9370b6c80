using Gitbrief.Analysis;

namespace Gitbrief.Reports;

/// <summary>One theme of a day: related commits grouped together (a pull request's series, one scope or component,
/// shared files and title words), with a title, an optional one-sentence summary (the LLM's), the highest level of
/// its commits, the commits' shas in report order and how many are at each level.</summary>
public sealed record ReportTheme
{
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public required ImportanceLevel Level { get; init; }
    public required IReadOnlyList<string> Commits { get; init; }
    public required ThemeCounts Counts { get; init; }
}

/// <summary>A theme's commits at each level.</summary>
public sealed record ThemeCounts(int High, int Medium, int Low)
{
    public int Total => High + Medium + Low;

    public static ThemeCounts Of(IEnumerable<ImportanceLevel> levels)
    {
        var list = levels.ToList();
        return new ThemeCounts(
            list.Count(l => l == ImportanceLevel.High),
            list.Count(l => l == ImportanceLevel.Medium),
            list.Count(l => l == ImportanceLevel.Low));
    }
}
