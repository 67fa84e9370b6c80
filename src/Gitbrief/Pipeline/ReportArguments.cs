namespace Gitbrief.Pipeline;

/// <summary>The report command's arguments exactly as typed (null when not given). The library resolves
/// them against the config file and the defaults; the command line only collects them.</summary>
public sealed record ReportArguments
{
    public IReadOnlyList<string> Repositories { get; init; } = [];
    public string? Date { get; init; }
    public string? Since { get; init; }
    public string? Until { get; init; }
    public bool Latest { get; init; }
    public string? TimeZone { get; init; }
    public string? Branch { get; init; }
    /// <summary>--first-parent (true) / --no-first-parent (false) override the config for every repository.</summary>
    public bool? FirstParent { get; init; }
    public string? Language { get; init; }
    public string? Formats { get; init; }
    public string? OutputDirectory { get; init; }
    public bool DryRun { get; init; }

    /// <summary>--llm: analyse with the configured LLM; --no-llm: rules only, whatever the config says.</summary>
    public bool? Llm { get; init; }
    public string? ConfigPath { get; init; }
    public string? CacheDirectory { get; init; }
}
