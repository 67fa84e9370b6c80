
namespace Gitbrief.Configuration;

/// <summary>What a config file says (gitbrief.yaml, or the current tool's config.yaml). Null means "not set":
/// the command line or the built-in default decides.</summary>
public sealed record GitbriefConfig
{
    public static GitbriefConfig Empty { get; } = new();

    /// <summary>The file it was read from, if any.</summary>
    public string? SourcePath { get; init; }

    /// <summary>One-line notices for the user about how the config was found (e.g. the previous tool's config.yaml read).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    internal IReadOnlyList<RepositoryEntry> Repositories { get; init; } = [];
    public string? TimeZone { get; init; }

    /// <summary>The report language, or the first of <see cref="Languages"/>: its files keep the plain names.</summary>
    public string? Language { get; init; }

    /// <summary>Every language to write (<c>language: [zh, en]</c>); null when one language (or none) is configured.</summary>
    public IReadOnlyList<string>? Languages { get; init; }
    public string? OutputDirectory { get; init; }
    public IReadOnlyList<string>? Formats { get; init; }
    public string? CacheDirectory { get; init; }
    public string? Branch { get; init; }
    public bool? FirstParent { get; init; }
    public bool? PartialClone { get; init; }

    /// <summary>How repositories are read unless they say otherwise: git (default) or github-api.</summary>
    public string? Source { get; init; }

    /// <summary>The GitHub REST API root (default https://api.github.com/, or https://host/api/v3/ for GitHub Enterprise).</summary>
    public string? ApiUrl { get; init; }

    /// <summary>Look up each commit's pull request (title, labels) through the GitHub API.</summary>
    public bool? EnrichPullRequests { get; init; }
    public string? Analysis { get; init; }
    internal ImportanceWeights Importance { get; init; } = ImportanceWeights.Default;

    /// <summary>The reader's <c>watch:</c> rules for every repository; a repository's own rules apply after them.</summary>
    internal IReadOnlyList<WatchRule> Watch { get; init; } = [];
    public bool? EnableToc { get; init; }
    public bool? EnableGrouping { get; init; }
    public bool? EnableStats { get; init; }

    /// <summary>What the commit table's message cell shows (<c>format.message</c>): "title" (default) or "full".</summary>
    public string? TableMessage { get; init; }
    internal LlmSettings Llm { get; init; } = new();

    /// <summary>Where reports are delivered (the <c>publish:</c> list); empty means the output directory only.</summary>
    internal IReadOnlyList<TargetSettings> Publish { get; init; } = [];

    /// <summary>URL template of an archived report ({year}, {name}, {date}, {repository}), linked from chat, mail and issues.</summary>
    public string? ReportUrl { get; init; }

    /// <summary>Where runs, work units, the LLM cache, the publish ledger and the reports are kept (<c>store:</c>): a
    /// postgresql:// URL without a password (checked when the file is read) or a SQLite file path; null means
    /// GITBRIEF_STORE, else &lt;cache-dir&gt;/gitbrief.db.</summary>
    public string? Store { get; init; }

    /// <summary>When the server queues the daily run (<c>schedule:</c>); null: only by hand (<c>gitbrief-server enqueue</c>).</summary>
    internal ScheduleSettings? Schedule { get; init; }

    /// <summary>The server's settings (<c>server:</c>): workers, retries, the publish deadline, the dashboard.</summary>
    internal ServerSettings Server { get; init; } = new();
}
