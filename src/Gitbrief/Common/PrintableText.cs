using System.Globalization;

namespace Gitbrief.Common;

/// <summary>Untrusted text made safe to show in a one-line message: control and format characters (bidi overrides,
/// zero-width) as '?', cut at 60 characters.</summary>
public static class PrintableText
{
    public static string Of(string text)
    {
        var cleaned = new string(text.Select(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? '?' : c).ToArray());
        return cleaned.Length > 60 ? cleaned[..60] + "…" : cleaned;
    }
}
