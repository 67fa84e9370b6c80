namespace Gitbrief.Pipeline;

/// <summary>Which days to report: an inclusive range of dates, or the most recent day that has commits
/// (found per repository; <see cref="First"/> is then the day reported for a repository without any commit).</summary>
public sealed record ReportWindow(DateOnly First, DateOnly Last, bool Latest = false)
{
    /// <summary>The most recent day with commits, else <paramref name="fallback"/> (an empty repository).</summary>
    public static ReportWindow LatestDay(DateOnly fallback) => new(fallback, fallback, Latest: true);

    public IEnumerable<DateOnly> Days()
    {
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
