using System.Globalization;
using System.Text;

namespace Gitbrief.Tests.Support;

/// <summary>The setup of a doubled schedule, shared by the store-specific tests of it: a repository with
/// <see cref="CommitsPerDay"/> commits a day from 2026-01-10, a config analysing with the LLM simulator and delivering
/// to the output directory, any other targets and a JSON webhook (<c>GB_CHAT_URL</c>), and two <c>gitbrief run</c>
/// processes started together over the same days.</summary>
public static class DoubledSchedule
{
    public const int CommitsPerDay = 2;

    /// <summary>How slow the LLM simulator answers: enough that the two runs overlap (the first is still analysing
    /// when the second arrives).</summary>
    public static readonly TimeSpan LlmLatency = TimeSpan.FromMilliseconds(250);

    /// <summary>Commits <see cref="CommitsPerDay"/> changes on each of <paramref name="days"/> days from 2026-01-10
    /// (09:00, 10:00 … at UTC+8), each to its own file: "feat: day D change I".</summary>
    public static void CommitDays(TestRepository repository, int days)
    {
        for (var day = 0; day < days; day++)
        {
            for (var i = 0; i < CommitsPerDay; i++)
            {
                var time = new DateTimeOffset(2026, 1, 10 + day, 9 + i, 0, 0, TimeSpan.FromHours(8));
                repository.WriteLines($"src/day{day}/file{i}.py", 10 + i, $"v{day}{i} =")
                    .Commit($"feat: day {day} change {i}", time.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>gitbrief.yaml for the repository: the store when given, analysis by the LLM at
    /// <paramref name="llmBaseUrl"/> (2 in flight), then publish: dir, <paramref name="targets"/> (YAML list items, each
    /// line as it stands under <c>publish:</c>), and the JSON webhook.</summary>
    public static string Config(string repository, string llmBaseUrl, string? store = null, params string[] targets)
    {
        var yaml = new StringBuilder();
        yaml.Append("repositories:\n  - ").Append(repository).Append('\n');
        if (store is not null)
        {
            yaml.Append("store: ").Append(store).Append('\n');
        }
        yaml.Append("analysis: llm\nllm:\n  base_url: ").Append(llmBaseUrl).Append('\n')
            .Append("  model: sim-model\n  max_concurrency: 2\n  retry_delay: 0.05\n")
            .Append("publish:\n  - dir\n");
        foreach (var line in targets)
        {
            yaml.Append("  ").Append(line).Append('\n');
        }
        yaml.Append("  - type: webhook\n    flavor: json\n    url_env: GB_CHAT_URL\n");
        return yaml.ToString();
    }

    /// <summary>Two <c>gitbrief run --since first --until last</c> in the workspace, started together.</summary>
    public static Task<CliResult[]> RunTwiceAsync(ReportWorkspace workspace, IReadOnlyDictionary<string, string> environment, string first, string last) =>
        Task.WhenAll(
            Task.Run(() => workspace.Cli(environment, "run", "--since", first, "--until", last)),
            Task.Run(() => workspace.Cli(environment, "run", "--since", first, "--until", last)));
}
