using System.Globalization;
using System.Text.Json;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Llm;

/// <summary>A repository with one day of commits, a workspace and a running chat simulator, wired together.</summary>
internal sealed class LlmScenario : IAsyncDisposable
{
    public const string ApiKey = "sk-sim-SECRET-7f3a9c51";
    public const string Day = "2026-02-10";

    private LlmScenario(TestRepository repository, ReportWorkspace workspace, ChatSimulator simulator)
    {
        Repository = repository;
        Workspace = workspace;
        Simulator = simulator;
    }

    public TestRepository Repository { get; }
    public ReportWorkspace Workspace { get; }
    public ChatSimulator Simulator { get; }
    public List<string> Shas { get; } = [];

    public string Name => Path.GetFileName(Repository.Path);

    public static async Task<LlmScenario> CreateAsync(int commits)
    {
        var scenario = new LlmScenario(TestRepository.Create("llmdemo"), new ReportWorkspace(), await ChatSimulator.StartAsync());
        for (var i = 0; i < commits; i++)
        {
            scenario.AddCommit(i);
        }
        return scenario;
    }

    /// <summary>Adds a source change (with a test for odd commits) committed on <see cref="Day"/>.</summary>
    public string AddCommit(int i, string? message = null)
    {
        Repository.WriteLines($"src/module{i % 4}/file{i}.py", 20 + i, $"value_{i} =");
        if (i % 2 == 1)
        {
            Repository.WriteLines($"tests/test_file{i}.py", 5, "assert");
        }
        var time = new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(8)).AddMinutes(i);
        var sha = Repository.Commit(message ?? $"feat(module{i % 4}): add feature number {i}", time.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        Shas.Add(sha);
        return sha;
    }

    public LlmSettings Settings { get; set; } = new();

    public GitbriefConfig Config => new()
    {
        Analysis = "llm",
        Llm = Settings with
        {
            BaseUrl = Simulator.BaseUrl,
            Model = "sim-model",
            RetryDelay = Settings.RetryDelay == new LlmSettings().RetryDelay ? TimeSpan.FromMilliseconds(50) : Settings.RetryDelay,
        },
    };

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["LLM_API_KEY"] = ApiKey };

    public Task<RunSummary> RunAsync() =>
        Workspace.RunAsync(new ReportArguments { Repositories = [Repository.Path], Date = Day, TimeZone = "Asia/Shanghai" }, Config, Environment);

    public JsonElement Json() => Workspace.Json(Name, Day);

    public string Markdown() => Workspace.Markdown(Name, Day);

    public IReadOnlyList<SimulatedRequest> CommitRequests(string? sha = null) =>
        Simulator.Requests.Where(r => !r.IsHighlights && (sha is null || r.Sha == sha)).ToList();

    public static string Source(JsonElement commit) => commit.GetProperty("analysis").GetProperty("source").GetString()!;

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Workspace.Dispose();
        Repository.Dispose();
    }
}
