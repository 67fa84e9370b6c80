using System.Text;

namespace Gitbrief.Store;

/// <summary>The key of one unit of work: a repository-day, in a time zone, with the settings that change
/// its output (branch, first-parent, language, analysis mode) folded into <see cref="Variant"/>. Doing
/// the same unit twice gives the same report, so many workers can share the units safely.</summary>
internal sealed record WorkUnitKey(string Repository, DateOnly Day, string TimeZone, string Variant)
{
    public static string VariantOf(params string?[] settings)
    {
        var joined = string.Join('\u001f', settings.Select(s => s ?? string.Empty));
        return Common.Sha256.HexOf(Encoding.UTF8.GetBytes(joined))[..16];
    }
}
