namespace Gitbrief.Site;

/// <summary>One repository of the site: its folder name and its days, newest first, and what it did in the
/// <see cref="RecentDays"/> days ending on the site's latest report day.</summary>
internal sealed class SiteRepository
{
    public const int RecentDays = 7;

    private SiteRepository(string name, IReadOnlyList<SiteDay> days, DateOnly lastDay)
    {
        Name = name;
        Days = days;
        var first = lastDay.AddDays(-(RecentDays - 1));
        Recent = days.Where(d => d.Date >= first && d.Date <= lastDay).ToList();
    }

    public string Name { get; }

    /// <summary>Every day of the repository, newest first.</summary>
    public IReadOnlyList<SiteDay> Days { get; }

    /// <summary>Its days within the last <see cref="RecentDays"/> days of the site, newest first.</summary>
    public IReadOnlyList<SiteDay> Recent { get; }

    public SiteDay Latest => Days[0];

    public int RecentCommits => Recent.Sum(d => d.Stats.Total);

    public int RecentHigh => Recent.Sum(d => d.Stats.High);

    /// <summary>The site's repositories, busiest first: most commits in the last days of the site, then most high
    /// ones, then the most recently reported, then by name.</summary>
    public static IReadOnlyList<SiteRepository> Group(IReadOnlyList<SiteDay> days)
    {
        if (days.Count == 0)
        {
            return [];
        }
        var lastDay = days.Max(d => d.Date);
        return days
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            .Select(g => new SiteRepository(g.Key, g.OrderByDescending(d => d.Date).ToList(), lastDay))
            .OrderByDescending(r => r.RecentCommits)
            .ThenByDescending(r => r.RecentHigh)
            .ThenByDescending(r => r.Latest.Date)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }
}
