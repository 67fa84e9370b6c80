using Gitbrief.Analysis;
using Gitbrief.Rendering;
using Gitbrief.Sources;

using Gitbrief.Analysis.Llm;

namespace Gitbrief.Pipeline;

/// <summary>A fully resolved report run: what to read, how to analyse and render it, where to write.</summary>
public sealed record ReportRequest
{
    public required IReadOnlyList<RepositorySpec> Repositories { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }
    public required ReportWindow Window { get; init; }
    public required IReadOnlyList<string> Formats { get; init; }
    public required string OutputDirectory { get; init; }
    public required string CacheDirectory { get; init; }
    public ReportLanguage Language => Render.Language;
    public RenderOptions Render { get; init; } = RenderOptions.Default;
    public ImportanceWeights Weights { get; init; } = ImportanceWeights.Default;

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

    /// <summary>When the request was made: a day whose window ends after it is not over, and its report is partial.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;
}
