using System.Globalization;

namespace Gitbrief.Bench;

/// <summary>Whole days <paramref name="First"/> … <paramref name="Last"/> of <paramref name="Revision"/> in a repository, in a
/// time zone: the same window for raw git (<c>--since=D 00:00:00 +HHMM --until=D' 23:59:59 +HHMM</c>, the zone's offsets
/// on those days) and for <c>gitbrief report</c> (<c>--date D</c> or <c>--since D --until D'</c>, <c>--tz ZONE</c>).</summary>
internal sealed record GitWindow(string Repository, DateOnly First, DateOnly Last, string TimeZone = ReportBenchmark.TimeZone, string Revision = "main")
{
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>git's <c>--since</c> and <c>--until</c> options of the window.</summary>
    public string[] GitBounds() =>
        [$"--since={Iso(First)} 00:00:00 {Offset(First, TimeOnly.MinValue)}", $"--until={Iso(Last)} 23:59:59 {Offset(Last, new TimeOnly(23, 59, 59))}"];

    /// <summary>gitbrief's options of the window (its time zone is <see cref="TimeZone"/>).</summary>
    public string[] ReportArguments() => First == Last ? ["--date", Iso(First)] : ["--since", Iso(First), "--until", Iso(Last)];

    /// <summary>The repository's name for the table: its directory, and the parent's when that is <c>repo</c> or <c>.git</c>.</summary>
    public string Name
    {
        get
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Repository));
            var name = Path.GetFileName(full);
            return name is "repo" or ".git" ? $"{Path.GetFileName(Path.GetDirectoryName(full))}/{name}" : name;
        }
    }

    private string Offset(DateOnly day, TimeOnly time)
    {
        var offset = TimeZoneInfo.FindSystemTimeZoneById(TimeZone).GetUtcOffset(day.ToDateTime(time, DateTimeKind.Unspecified));
        return (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
