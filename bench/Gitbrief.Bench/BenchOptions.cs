using System.Globalization;

namespace Gitbrief.Bench;

/// <summary>Options shared by every benchmark: <c>--runs N</c>, <c>--regenerate</c>, <c>--republish</c>.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        """
        usage: dotnet run -c Release --project bench/Gitbrief.Bench -- <benchmark> [options]

        benchmarks:
          report        gitbrief report vs git log -p on a generated 5,000-commit repository
          llm           the LLM stage for 49 commits against a simulated endpoint with 1 s latency, and
                        prompt tokens per commit of the generated repository against the budget
          aot           the Native AOT binary against the simulators: LLM client and GitHub issue target

        options:
          --runs N      measured runs per subject, after one warm-up (default 7); the median is reported
          --regenerate  rebuild bench/out/repo even if its version stamp matches
          --republish   publish gitbrief again even if bench/out/gitbrief-aot is up to date
        """;

    public int Runs { get; init; } = 7;

    public bool Regenerate { get; init; }

    public bool Republish { get; init; }

    /// <summary>Parses the options after the benchmark name; throws <see cref="FormatException"/> on a bad one.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> arguments)
    {
        var options = new BenchOptions();
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--runs" when i + 1 < arguments.Count
                    && int.TryParse(arguments[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs > 0:
                    options = options with { Runs = runs };
                    i++;
                    break;
                case "--regenerate":
                    options = options with { Regenerate = true };
                    break;
                case "--republish":
                    options = options with { Republish = true };
                    break;
                default:
                    throw new FormatException($"unknown or incomplete option '{arguments[i]}'");
            }
        }
        return options;
    }
}
