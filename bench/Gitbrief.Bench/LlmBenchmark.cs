using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Reports;
using Gitbrief.Simulators;
using Gitbrief.Sources;

namespace Gitbrief.Bench;

/// <summary><c>llm</c>: the wall time of the LLM stage for 49 commits of the generated repository against
/// the chat simulator answering each request after 1 s, at concurrency 4 and 8, against the floor
/// (49 × 1 s / concurrency) and the current tool's lower bound (49 × (1 s + 5 s sleep)); then the same
/// day end to end through the published binary; then prompt tokens per commit over the whole repository.</summary>
internal static class LlmBenchmark
{
    private const int Commits = 49;
    private const string ApiKey = "sk-bench-not-a-secret";
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(1);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var (paths, machine, repository, binary) = await BenchSetup.PrepareAsync(options).ConfigureAwait(false);
        await using var simulator = await ChatSimulator.StartAsync().ConfigureAwait(false);
        simulator.Latency = Latency;

        var history = new GitHistory(repository.Path);
        var day = new ReportDay(RepositoryGenerator.BusyDay, Zone);
        var commits = (await history.ReadAsync("main", day.Start, day.EndExclusive, firstParent: false, CancellationToken.None).ConfigureAwait(false))
            .Take(Commits).ToList();
        var rules = new RulesAnalyzer(ImportanceWeights.Default, ReportLanguage.Zh);

        var rows = new List<(int Concurrency, TimeSpan Stage, LlmUsage Usage, int Fallbacks)>();
        foreach (var concurrency in new[] { 4, 8 })
        {
            Console.Error.WriteLine($"LLM stage: {commits.Count} commits at concurrency {concurrency} …");
            var llm = LlmOptions.Resolve(
                new LlmSettings { BaseUrl = simulator.BaseUrl, Model = $"bench-{concurrency}", MaxConcurrency = concurrency },
                name => name == "LLM_API_KEY" ? ApiKey : null);
            await using var stage = new LlmStage(llm, store: null, ReportLanguage.Zh);
            var analyses = commits.ToDictionary(c => c.Sha, rules.Analyze, StringComparer.Ordinal);
            var repo = new LlmRepository("bench", "bench/repo", new GitPatchSource(repository.Path));
            var started = Stopwatch.GetTimestamp();
            await stage.RunAsync(repo, commits, commits.ToLookup(c => day.Date), analyses, CancellationToken.None).ConfigureAwait(false);
            rows.Add((concurrency, Stopwatch.GetElapsedTime(started), stage.Total, stage.Fallbacks.Count));
        }

        Console.Error.WriteLine("end to end: gitbrief report --llm for the busy day …");
        var endToEnd = await EndToEndAsync(binary, repository.Path, simulator, paths, concurrency: 8).ConfigureAwait(false);

        Console.Error.WriteLine("prompt tokens for every commit of the repository …");
        var budget = new LlmSettings().MaxInputTokens;
        var tokens = await PromptTokensAsync(history, repository.Path, budget).ConfigureAwait(false);

        Console.WriteLine($"# gitbrief LLM benchmark ({DateTime.Now:yyyy-MM-dd HH:mm})");
        Console.WriteLine();
        foreach (var line in machine)
        {
            Console.WriteLine($"- {line}");
        }
        Console.WriteLine($"- repository: {paths.Show(repository.Path)}, {repository.Commits} commits; the first {commits.Count} commits of the busy day {day.IsoDate}");
        Console.WriteLine($"- endpoint: the chat simulator on 127.0.0.1 (SSE streaming), {Latency.TotalSeconds:0} s before each answer");
        Console.WriteLine("- the current tool's lower bound: one request at a time and a 5 s sleep after each: "
            + $"{commits.Count} × (1 s + 5 s) = {commits.Count * 6} s");
        Console.WriteLine();
        Console.WriteLine("| concurrency | requests | LLM stage (commits, then the day's highlights) | floor = 49 × 1 s / concurrency | ratio to floor | target | vs current tool | fallbacks |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var pass = true;
        foreach (var row in rows)
        {
            var floor = commits.Count * Latency.TotalSeconds / row.Concurrency;
            var ratio = row.Stage.TotalSeconds / floor;
            var target = row.Concurrency == 8 ? "≤ 1.25×" : "—";
            if (row.Concurrency == 8)
            {
                pass &= ratio <= 1.25 && row.Fallbacks == 0;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Concurrency} | {row.Usage.Requests} | {row.Stage.TotalSeconds:0.00} s | {floor:0.00} s | {ratio:0.00}× | {target} | {commits.Count * 6 / row.Stage.TotalSeconds:0.0}× faster | {row.Fallbacks} |"));
        }
        Console.WriteLine();
        Console.WriteLine(endToEnd.Describe(binary));
        Console.WriteLine();
        Console.WriteLine($"Prompt tokens per commit, all {tokens.Count} commits of the repository (o200k_base, default budget max_input_tokens = {budget:N0}):");
        Console.WriteLine();
        Console.WriteLine("| p50 | p99 | max | budget | over budget | with files left out or clipped |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        var sorted = tokens.Select(t => t.Tokens).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {Percentile(sorted, 0.50):N0} | {Percentile(sorted, 0.99):N0} | {sorted[^1]:N0} | {budget:N0} | {sorted.Count(t => t > budget)} | {tokens.Count(t => t.Omitted)} |"));
        return pass && sorted[^1] <= budget ? 0 : 1;
    }

    /// <summary>What one <c>gitbrief report --llm</c> run of the busy day did: its exit code, wall time, the
    /// requests the simulator answered and the JSON report's commits and llm block.</summary>
    internal sealed record EndToEndRun(int ExitCode, TimeSpan Elapsed, int Commits, int Analysed, int Requests, int Fallbacks, int Concurrency)
    {
        public string Describe(GitbriefBinary binary) => string.Create(CultureInfo.InvariantCulture,
            $"End to end ({binary.Variant}, `gitbrief report --llm`, busy day, {Commits} commits, concurrency {Concurrency}): exit {ExitCode}, "
            + $"{Elapsed.TotalSeconds:0.00} s wall time, {Analysed} of {Commits} analysed by the LLM, {Requests} requests answered, "
            + $"JSON llm block: {Fallbacks} fallbacks.");
    }

    /// <summary>The busy day (or <paramref name="day"/>) through a gitbrief build with --llm against <paramref name="simulator"/>:
    /// wall time and the JSON's llm block.</summary>
    internal static async Task<EndToEndRun> EndToEndAsync(
        GitbriefBinary binary, string repository, ChatSimulator simulator, BenchPaths paths, int concurrency, DateOnly? day = null)
    {
        var work = Path.Combine(paths.Out, $"tmp-llm-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        var config = Path.Combine(work, "gitbrief.yaml");
        await File.WriteAllTextAsync(config, $"analysis: llm\nllm:\n  base_url: {simulator.BaseUrl}\n  model: bench-e2e\n  max_concurrency: {concurrency}\n").ConfigureAwait(false);
        var date = (day ?? RepositoryGenerator.BusyDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var requestsBefore = simulator.Requests.Count;
        var result = await binary.RunAsync(
            ["report", "--repo", repository, "--date", date, "--tz", "Asia/Shanghai", "--config", config, "--out", Path.Combine(work, "out"),
             "--cache-dir", Path.Combine(work, "cache"), "--quiet"],
            work,
            environment: new Dictionary<string, string> { ["LLM_API_KEY"] = ApiKey }).ConfigureAwait(false);
        var json = Directory.EnumerateFiles(Path.Combine(work, "out"), "*.json", SearchOption.AllDirectories).Single();
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json).ConfigureAwait(false));
        var llm = document.RootElement.GetProperty("llm");
        var commits = document.RootElement.GetProperty("commits");
        var analysed = commits.EnumerateArray().Count(c => c.GetProperty("analysis").GetProperty("source").GetString() == "llm");
        Directory.Delete(work, recursive: true);
        return new EndToEndRun(result.ExitCode, result.Elapsed, commits.GetArrayLength(), analysed, simulator.Requests.Count - requestsBefore,
            llm.GetProperty("fallbacks").GetInt32(), concurrency);
    }

    /// <summary>Builds the real prompt of every commit (git show + packing) and counts its tokens.</summary>
    private static async Task<List<(int Tokens, bool Omitted)>> PromptTokensAsync(GitHistory history, string repository, int budget)
    {
        var first = new ReportDay(RepositoryGenerator.FirstDay.AddDays(-1), Zone);
        var last = new ReportDay(RepositoryGenerator.LastDay.AddDays(1), Zone);
        var all = await history.ReadAsync("main", first.Start, last.EndExclusive, firstParent: false, CancellationToken.None).ConfigureAwait(false);
        var rules = new RulesAnalyzer(ImportanceWeights.Default, ReportLanguage.Zh);
        var counter = TokenCounter.Default;
        var prompts = new PromptBuilder(counter, ReportLanguage.Zh, budget, counter.Count(AnswerSchemas.Commit.GetRawText()));
        var results = new (int, bool)[all.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, all.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, token) =>
        {
            var commit = all[i];
            var analysed = rules.Analyze(commit);
            var patches = await PatchReader.ReadAsync(repository, commit.Sha, token).ConfigureAwait(false);
            var prompt = prompts.ForCommit("bench/repo", commit, analysed, analysed.Importance.Level, patches);
            results[i] = (prompt.InputTokens, prompt.Omitted.Any(o => o.Reason.StartsWith("clipped", StringComparison.Ordinal) || o.Reason == "over the token budget"));
        }).ConfigureAwait(false);
        return [.. results];
    }

    private static int Percentile(List<int> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
