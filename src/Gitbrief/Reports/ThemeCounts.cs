using Gitbrief.Analysis;

namespace Gitbrief.Reports;

/// <summary>A theme's commits at each level.</summary>
internal sealed record ThemeCounts(int High, int Medium, int Low)
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
