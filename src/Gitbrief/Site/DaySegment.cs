namespace Gitbrief.Site;

/// <summary>A repository's days, newest first, cut into what a page shows: a day with commits, or a run of reported
/// days without any (<see cref="Newest"/> back to <see cref="Oldest"/>, <see cref="Days"/> of them).</summary>
internal sealed record DaySegment(SiteDay Newest, SiteDay Oldest, int Days)
{
    public bool IsEmptyRun => Newest.Stats.Total == 0;

    public static IEnumerable<DaySegment> Of(IReadOnlyList<SiteDay> days)
    {
        for (var i = 0; i < days.Count;)
        {
            var end = i;
            while (days[i].Stats.Total == 0 && end + 1 < days.Count && days[end + 1].Stats.Total == 0)
            {
                end++;
            }
            yield return new DaySegment(days[i], days[end], end - i + 1);
            i = end + 1;
        }
    }

    public string EmptyRunText(SiteText text) => text.EmptyRun(Oldest.IsoDate, Newest.IsoDate, Days);
}
