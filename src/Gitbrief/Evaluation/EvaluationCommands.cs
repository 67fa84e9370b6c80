using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Reports;
using Gitbrief.Store;

namespace Gitbrief.Evaluation;

/// <summary>What <c>gitbrief eval</c> does, for the command line: the evaluation of a set as text, and the capture of a
/// repository-day into a set. The set, its labels and the evaluator stay inside the library.</summary>
public static class EvaluationCommands
{
    /// <summary>The rules (default weights) measured against the labelled set in <paramref name="dataDirectories"/>
    /// (labels/ and data/; several sets are pooled), as the text eval prints; every disagreement listed when asked.</summary>
    public static string Evaluate(IReadOnlyList<string> dataDirectories, bool disagreements) =>
        Evaluator.Evaluate(EvaluationSet.Load(dataDirectories), ImportanceWeights.Default).Format(disagreements);

    /// <summary>The rules and the model configured for reports (the config's <c>llm:</c> section and LLM_API_KEY, LLM_MODEL,
    /// LLM_BASE_URL) measured against the labelled set: every labelled commit asked as a report's LLM stage asks it, the
    /// answers kept in the store's cache (a second run asks nothing again), the <c>llm</c> and <c>hybrid</c> modes printed
    /// beside the rules. <paramref name="answered"/> hears the number of commits done and the total. The exit code is
    /// <see cref="ExitCodes.LlmFallback"/> when an answer failed (those commits count at the rules' level).</summary>
    public static async Task<(string Text, int ExitCode)> EvaluateWithModelAsync(
        IReadOnlyList<string> dataDirectories, bool disagreements, string? configPath, string workingDirectory, Func<string, string?> environment,
        Action<int, int>? answered, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Load(configPath, workingDirectory);
        var options = LlmOptions.Resolve(config.Llm, environment);
        var set = EvaluationSet.Load(dataDirectories);
        var rules = Evaluator.Evaluate(set, ImportanceWeights.Default);
        var cacheDirectory = Path.GetFullPath(config.CacheDirectory ?? RequestResolver.DefaultCacheDirectory(), workingDirectory);
        var location = RequestResolver.ResolveStore(config, environment, cacheDirectory, workingDirectory);
        await using var store = await StoreFactory.OpenAsync(location, cancellationToken, environment).ConfigureAwait(false);
        await using var client = new LlmClient(options);
        var judge = new ModelJudge(new LlmAnalyzer(client, store, ReportLanguage.En), options.Settings.MaxConcurrency, ImportanceWeights.Default);
        var judged = rules with
        {
            Commits = await judge.JudgeAsync(rules.Commits, answered is null ? null : done => answered(done, rules.Commits.Count), cancellationToken).ConfigureAwait(false),
            ModelName = options.Model,
        };
        return (judged.Format(disagreements), judged.Failed > 0 ? ExitCodes.LlmFallback : ExitCodes.Success);
    }

    /// <summary>Captures the commits, changed-line samples and profile of <paramref name="repositoryName"/> on
    /// <paramref name="day"/> (in <paramref name="zone"/>) from the repository at <paramref name="repository"/> into
    /// data/OWNER__REPO/DATE.json under <paramref name="dataDirectory"/>; returns the file and the number of commits.</summary>
    public static async Task<(string Path, int Commits)> CaptureAsync(
        string repository, string repositoryName, DateOnly day, TimeZoneInfo zone, string dataDirectory, CancellationToken cancellationToken)
    {
        var captured = await DayCapture.CaptureAsync(repository, repositoryName, new ReportDay(day, zone), firstParent: false, cancellationToken)
            .ConfigureAwait(false);
        var path = Path.Combine(dataDirectory, "data", repositoryName.Replace("/", "__", StringComparison.Ordinal), captured.Date + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, DayCapture.Serialize(captured), DayCapture.Utf8NoBom, cancellationToken).ConfigureAwait(false);
        return (path, captured.Commits.Count);
    }
}
