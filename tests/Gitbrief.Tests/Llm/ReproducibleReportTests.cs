using Gitbrief.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gitbrief.Tests.Llm;

/// <summary>Same inputs, same bytes — in LLM mode too: what a run cost (requests, tokens, time) is printed and kept in
/// the store, never written to the report files, so an unchanged day never makes an archive commit.</summary>
public sealed class ReproducibleReportTests
{
    [Fact]
    public async Task Running_a_day_again_from_scratch_gives_the_same_bytes_and_no_archive_commit()
    {
        await using var s = await LlmScenario.CreateAsync(commits: 4);
        using var archiveRoot = new TempDirectory("gitbrief-archive");
        var archive = archiveRoot.Combine("archive.git");
        GitProcess.Run(archiveRoot.Path, "init", "-q", "--bare", "-b", "main", archive);
        var config = s.Workspace.WriteFile("gitbrief.yaml",
            $"analysis: llm\nllm:\n  base_url: {s.Simulator.BaseUrl}\n  model: sim-model\n  retry_delay: 0.05\npublish:\n  - type: git\n    repo: '{archive}'\n");
        CliResult Run(string cache) => CliRunner.Run(s.Workspace.Root, new Dictionary<string, string>(s.Environment),
            "run", "--repo", s.Repository.Path, "--date", LlmScenario.Day, "--config", config, "--out", s.Workspace.Out, "--cache-dir", cache);

        var first = Run(s.Workspace.Cache);
        var reports = s.Workspace.OutputFiles();
        // A fresh cache: no ledger, no cached answers — the LLM is asked again and answers the same.
        var second = Run(s.Workspace.Combine("other-cache"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(10, s.Simulator.Requests.Count);
        Assert.Equal(reports, s.Workspace.OutputFiles());
        Assert.Equal("1", GitProcess.Run(archive, "rev-list", "--count", "main"));
        var llm = s.Json().GetProperty("llm");
        Assert.Equal(["model", "fallbacks"], llm.EnumerateObject().Select(p => p.Name));
        Assert.Equal("sim-model", llm.GetProperty("model").GetString());
        Assert.DoesNotContain("wallTimeMs", File.ReadAllText(s.Workspace.ReportPath(s.Name, LlmScenario.Day, "json")), StringComparison.Ordinal);
        // The cost is on stderr and in the store.
        Assert.Contains("llm: 5 request(s), ", first.Stderr, StringComparison.Ordinal);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(s.Workspace.Cache, "gitbrief.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT llm_requests, llm_input_tokens, llm_wall_ms FROM work_units WHERE day = '2026-02-10';";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(5, reader.GetInt32(0));
        Assert.True(reader.GetInt64(1) > 0);
        Assert.False(reader.IsDBNull(2));
    }
}
