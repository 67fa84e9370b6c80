using System.Globalization;
using Gitbrief.Simulators;

namespace Gitbrief.Bench;

/// <summary><c>aot</c>: checks that the Native AOT binary does what the JIT build does where reflection could
/// bite — the LLM client (OpenAI SDK) and the GitHub issue target (the own source-generated GitHub client) — against the simulators on
/// 127.0.0.1, and prints one line per check.</summary>
internal static class AotSmoke
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var (paths, _, repository, binary) = await BenchSetup.PrepareAsync(options).ConfigureAwait(false);
        await using var chat = await ChatSimulator.StartAsync().ConfigureAwait(false);
        await using var github = await GitHubIssuesSimulator.StartAsync().ConfigureAwait(false);
        var work = Path.Combine(paths.Out, "tmp-aot");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
        Directory.CreateDirectory(work);
        var config = Path.Combine(work, "gitbrief.yaml");
        await File.WriteAllTextAsync(config,
            $"analysis: llm\nllm:\n  base_url: {chat.BaseUrl}\n  model: aot\npublish:\n  - dir\n  - type: github-issue\n    repo: acme/briefs\n    api_url: {github.ApiBase}\n")
            .ConfigureAwait(false);
        var date = RepositoryGenerator.BusyDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var result = await binary.RunAsync(
            ["run", "--repo", repository.Path, "--date", date, "--config", config, "--out", Path.Combine(work, "out"), "--cache-dir", Path.Combine(work, "cache")],
            work,
            environment: new Dictionary<string, string> { ["LLM_API_KEY"] = "sk-aot-smoke", ["GITHUB_TOKEN"] = github.Token }).ConfigureAwait(false);
        var issues = github.Issues("acme/briefs");
        var llmAnswers = chat.Requests.Count;
        Directory.Delete(work, recursive: true);

        Console.WriteLine($"# Native AOT smoke ({binary.Variant}, {paths.Show(binary.Executable)})");
        Console.WriteLine();
        var checks = new (string What, bool Ok)[]
        {
            ($"`gitbrief run --llm` exits 0 (exit {result.ExitCode})", result.ExitCode == 0),
            ($"LLM requests answered through the OpenAI SDK: {llmAnswers}", llmAnswers > 0),
            ($"GitHub issues created through the GitHub client: {issues.Count}", issues.Count == 1),
        };
        foreach (var (what, ok) in checks)
        {
            Console.WriteLine($"- {(ok ? "PASS" : "FAIL")}: {what}");
        }
        if (result.ExitCode != 0)
        {
            Console.WriteLine();
            Console.WriteLine("```");
            Console.WriteLine(result.Error.Trim());
            Console.WriteLine("```");
        }
        return checks.All(c => c.Ok) ? 0 : 1;
    }
}
