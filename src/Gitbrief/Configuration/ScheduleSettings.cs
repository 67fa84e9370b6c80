namespace Gitbrief.Configuration;

/// <summary>The <c>schedule:</c> section, read by the server (gitbrief-server): when the daily run is queued, as a
/// cron expression (5 fields, or 6 with seconds) in a time zone (default: the config's <c>timezone</c>). The day
/// queued is the day before the one the schedule fires in, in the report time zone.</summary>
/// <param name="Origin">"file:line" of the <c>cron</c> value, for the server's errors about it.</param>
public sealed record ScheduleSettings(string Cron, string? TimeZone, string Origin);
