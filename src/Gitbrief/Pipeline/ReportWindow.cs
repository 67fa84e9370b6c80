namespace Gitbrief.Pipeline;

/// <summary>Which days to report: an inclusive range of dates, or the most recent day that has commits
/// (found per repository).</summary>
public sealed record ReportWindow(DateOnly First, DateOnly Last, bool Latest = false)
{
    public static ReportWindow LatestDay { get; } = new(DateOnly.MinValue, DateOnly.MinValue, Latest: true);

    public IEnumerable<DateOnly> Days()
    {
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
