using System.Diagnostics.CodeAnalysis;

namespace Gitbrief.Common;

/// <summary>IANA time-zone lookup that answers yes or no instead of throwing.</summary>
public static class TimeZones
{
    public static bool TryFind(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or System.Security.SecurityException)
        {
            return false;
        }
    }
}
