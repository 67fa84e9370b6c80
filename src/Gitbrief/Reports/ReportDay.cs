using System.Globalization;

namespace Gitbrief.Reports;

/// <summary>One calendar day in a time zone: the unit a report covers. A commit belongs to the day in
/// which its committer date falls in this zone.</summary>
internal sealed record ReportDay(DateOnly Date, TimeZoneInfo TimeZone)
{
    /// <summary>The first instant of the day (inclusive).</summary>
    public DateTimeOffset Start => At(Date);

    /// <summary>The first instant of the next day (exclusive).</summary>
    public DateTimeOffset EndExclusive => At(Date.AddDays(1));

    /// <summary>The last whole second of the day (inclusive), as reports show it.</summary>
    public DateTimeOffset End => EndExclusive.AddSeconds(-1);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < EndExclusive;

    public string IsoDate => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day an instant falls on in a zone.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The local midnight of a date as an instant. When midnight does not exist (a DST gap),
    /// the day starts at the first valid local time after it.</summary>
    private DateTimeOffset At(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        var offset = TimeZone.IsAmbiguousTime(local)
            ? TimeZone.GetAmbiguousTimeOffsets(local).Max()
            : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
