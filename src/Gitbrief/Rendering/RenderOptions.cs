namespace Gitbrief.Rendering;

/// <summary>Rendering switches, from the config's <c>format:</c> keys (enable_toc, enable_grouping, enable_stats, message).</summary>
internal sealed record RenderOptions
{
    public static RenderOptions Default { get; } = new();

    public ReportLanguage Language { get; init; } = ReportLanguage.Zh;
    public bool EnableToc { get; init; } = true;
    public bool EnableGrouping { get; init; } = true;
    public bool EnableStats { get; init; } = true;

    /// <summary>The commit table shows the whole message (the current tool's layout) instead of the title only.</summary>
    public bool FullMessage { get; init; }
}
