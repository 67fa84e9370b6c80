using Gitbrief.Analysis;
using Gitbrief.Rendering;
using Gitbrief.Reports;

namespace Gitbrief.Publishing.Digests;

/// <summary>A theme as a message shows it: title and summary (without bidirectional controls), level and counts.</summary>
internal sealed record DigestTheme(string Title, string? Summary, ImportanceLevel Level, ThemeCounts Counts)
{
    public static DigestTheme Of(ReportTheme theme) =>
        new(BidiControls.Strip(theme.Title), theme.Summary is null ? null : BidiControls.Strip(theme.Summary), theme.Level, theme.Counts);
}
