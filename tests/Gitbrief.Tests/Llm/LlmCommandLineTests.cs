using System.Diagnostics;
using System.Text;
using Gitbrief.Pipeline;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gitbrief.Tests.Llm;

/// <summary>The LLM stage through the real command line: what users see, what is kept when the process dies.</summary>
public sealed class LlmCommandLineTests
{
    [Fact]
    public async Task The_api_key_appears_in_no_output_log_report_or_file_even_when_the_server_echoes_it()
    {
        await using var s = await LlmScenario.CreateAsync(commits: 3);
        // Like a real provider answering a bad key: the error message repeats the key.
        s.Simulator.Faults = r => r.Sha == s.Shas[0] ? new SimulatedFault(FaultKind.ServerError, 401) : null;
        s.Simulator.Answer = r => r.Sha == s.Shas[1]
            ? """{"summary": ["Key in use: """ + LlmScenario.ApiKey + """ ."]}"""
            : ChatSimulator.DefaultAnswer(r);
        var config = WriteConfig(s);

        var result = s.Workspace.Cli(Env(s), "report", "--repo", s.Repository.Path, "--date", LlmScenario.Day, "--llm", "--config", config, "--debug");

        Assert.Equal(ExitCodes.LlmFallback, result.ExitCode);
        Assert.All(s.Simulator.Requests, r => Assert.Equal("Bearer " + LlmScenario.ApiKey, r.Authorization));
        Assert.DoesNotContain(LlmScenario.ApiKey, result.Stdout + result.Stderr, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(s.Workspace.Root, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(LlmScenario.ApiKey)), $"{file} contains the API key");
        }
        Assert.Contains("HTTP 401", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fallbacks_are_listed_on_stderr_with_a_distinct_exit_code()
    {
        await using var s = await LlmScenario.CreateAsync(commits: 2);
        s.Simulator.Faults = r => r.Sha == s.Shas[1] ? SimulatedFault.InvalidJson : null;

        var result = s.Workspace.Cli(Env(s), "report", "--repo", s.Repository.Path, "--date", LlmScenario.Day, "--llm", "--config", WriteConfig(s));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains($"LLM analysis failed, rules analysis used: llmdemo {s.Shas[1][..7]} ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("llm: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 fallback(s)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_api_key_llm_mode_is_a_usage_error()
    {
        await using var s = await LlmScenario.CreateAsync(commits: 1);

        var result = s.Workspace.Cli("report", "--repo", s.Repository.Path, "--date", LlmScenario.Day, "--llm");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("LLM_API_KEY", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(s.Simulator.Requests);
    }

    [Fact]
    public async Task A_killed_run_keeps_every_answer_received_and_the_next_run_resumes()
    {
        await using var s = await LlmScenario.CreateAsync(commits: 12);
        s.Simulator.Latency = TimeSpan.FromMilliseconds(400);
        var config = WriteConfig(s, "  max_concurrency: 2\n");
        var database = Path.Combine(s.Workspace.Cache, "gitbrief.db");

        using (var process = Start(s, config))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (CachedAnalyses(database) < 4)
            {
                Assert.True(DateTime.UtcNow < deadline, "the first run cached nothing within 60 s");
                Assert.False(process.HasExited, "the first run ended before it could be killed");
                await Task.Delay(50);
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var cached = CachedShas(database);
        var before = s.Simulator.Requests.Count;

        var result = s.Workspace.Cli(Env(s), "report", "--repo", s.Repository.Path, "--date", LlmScenario.Day, "--llm", "--config", config);

        Assert.Equal(0, result.ExitCode);
        var resumed = s.Simulator.Requests.Skip(before).Where(r => !r.IsHighlights).Select(r => r.Sha!).ToList();
        Assert.Empty(resumed.Intersect(cached));
        Assert.Equal(s.Shas.Except(cached).Order(), resumed.Order());
        Assert.All(ReportAssert.Commits(s.Json()), c => Assert.Equal("llm", LlmScenario.Source(c)));
    }

    private static Dictionary<string, string> Env(LlmScenario s) => new(s.Environment);

    private static string WriteConfig(LlmScenario s, string extra = "") => s.Workspace.WriteFile("gitbrief.yaml",
        $"analysis: llm\nllm:\n  base_url: {s.Simulator.BaseUrl}\n  model: sim-model\n  retry_delay: 0.05\n{extra}");

    private static Process Start(LlmScenario s, string config)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = s.Workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     CliRunner.GitbriefDll, "report", "--repo", s.Repository.Path, "--date", LlmScenario.Day, "--config", config,
                     "--out", s.Workspace.Out, "--cache-dir", s.Workspace.Cache, "--quiet",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        GitProcess.Isolate(start.Environment);
        start.Environment["LLM_API_KEY"] = LlmScenario.ApiKey;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int CachedAnalyses(string database) => CachedShas(database).Count;

    private static List<string> CachedShas(string database)
    {
        if (!File.Exists(database))
        {
            return [];
        }
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT subject FROM analyses WHERE subject NOT LIKE 'highlights:%'";
            using var reader = command.ExecuteReader();
            var shas = new List<string>();
            while (reader.Read())
            {
                shas.Add(reader.GetString(0));
            }
            return shas;
        }
        catch (SqliteException)
        {
            return []; // not created yet
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
