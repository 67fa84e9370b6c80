using Gitbrief.Common;
using Gitbrief.Analysis;
using Gitbrief.Configuration;
using Gitbrief.Rendering;
using Gitbrief.Sources;

using Gitbrief.Analysis.Llm;

namespace Gitbrief.Pipeline;

/// <summary>A fully resolved report run: what to read, how to analyse and render it, where to write.</summary>
public sealed record ReportRequest
{
    internal IReadOnlyList<RepositorySpec> Repositories { get; init; } = [];
    public required TimeZoneInfo TimeZone { get; init; }
    public required ReportWindow Window { get; init; }
    public required IReadOnlyList<string> Formats { get; init; }
    public required string OutputDirectory { get; init; }
    public required string CacheDirectory { get; init; }

    /// <summary>Where runs, units, LLM answers, deliveries and reports are kept: the config's <c>store:</c> (or
    /// GITBRIEF_STORE), else the SQLite file gitbrief.db in <see cref="CacheDirectory"/>.</summary>
    public Common.StoreLocation Store
    {
        get => store ?? Gitbrief.Common.StoreLocation.Sqlite(Path.Combine(CacheDirectory, "gitbrief.db"));
        init => store = value;
    }

    private readonly Common.StoreLocation? store;

    /// <summary>An open store to use instead of opening <see cref="Store"/> (and not to dispose): a long-lived process
    /// running many jobs (the fleet server) shares one store, and its connection pool, between them.</summary>
    internal Store.IGitbriefStore? SharedStore { get; init; }
    /// <summary>The language of this run's reports (the first of <see cref="Languages"/>).</summary>
    internal ReportLanguage Language => Render.Language;

    /// <summary>Every language to write (default: <see cref="Language"/>); a run writes them one after the other.</summary>
    internal IReadOnlyList<ReportLanguage> Languages
    {
        get => languages ?? [Language];
        init => languages = value;
    }

    /// <summary>The language whose files have the plain names (DATE.md, DATE.json; default: <see cref="Language"/>);
    /// the others' are DATE.&lt;lang&gt;.md.</summary>
    internal ReportLanguage PrimaryLanguage
    {
        get => primaryLanguage ?? Language;
        init => primaryLanguage = value;
    }

    private readonly IReadOnlyList<ReportLanguage>? languages;
    private readonly ReportLanguage? primaryLanguage;

    /// <summary>"" for the primary language, else ".en" / ".zh": what goes between the date and the extension.</summary>
    public string LanguageSuffix => Language == PrimaryLanguage ? string.Empty : "." + Language.Code();

    /// <summary>The language chat, mail and issue messages are written in: the primary one when it is written, else the first.</summary>
    internal ReportLanguage MessageLanguage => Languages.Contains(PrimaryLanguage) ? PrimaryLanguage : Languages[0];

    /// <summary>This request for one of its languages only.</summary>
    internal ReportRequest InLanguage(ReportLanguage language) => this with { Languages = [language], Render = Render with { Language = language } };
    internal RenderOptions Render { get; init; } = RenderOptions.Default;
    internal ImportanceWeights Weights { get; init; } = ImportanceWeights.Default;

    /// <summary>The reader's watch rules by repository name (<see cref="RepositorySpec.Name"/>): the global rules, then
    /// the repository's own. A repository not listed gets none.</summary>
    internal IReadOnlyDictionary<string, WatchRules> Watch { get; init; } = new Dictionary<string, WatchRules>();

    internal WatchRules WatchOf(RepositorySpec spec) => Watch.GetValueOrDefault(spec.Name, WatchRules.None);
    public bool DryRun { get; init; }

    /// <summary>The LLM analyzer's settings; null runs the rules analyzer only (no network).</summary>
    internal LlmOptions? Llm { get; init; }
    public bool PartialClone { get; init; }

    /// <summary>GITHUB_TOKEN or TOKEN, for the GitHub API (source: github-api, enrich_pull_requests). Registered
    /// with the secret redactor; internal, so it is not part of the record's printed form.</summary>
    internal string? GitHubToken { get; init; }
    public int MaxParallelRepositories { get; init; } = 4;

    /// <summary>One-line warnings about the request for the user (e.g. an LLM endpoint on plain http); the run goes on.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>When the request was made: a day whose window ends after it is not over, and its report is partial.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;
}
