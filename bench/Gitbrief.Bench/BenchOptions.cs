using System.Globalization;

namespace Gitbrief.Bench;

/// <summary>Options shared by every benchmark: <c>--runs N</c>, <c>--regenerate</c>, <c>--republish</c>; <c>--quick</c> for <c>install</c>, <c>--only</c> for <c>install</c> and <c>fleet</c>.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        """
        usage: dotnet run -c Release --project bench/Gitbrief.Bench -- <benchmark> [options]

        benchmarks:
          report        gitbrief report vs git log -p on a generated 5,000-commit repository
          llm           the LLM stage for 49 commits against a simulated endpoint with 1 s latency, and
                        prompt tokens per commit of the generated repository against the budget
          aot           the installed binary against the simulators: LLM client and GitHub issue target
          install       what users install (./install.sh) and the JIT build, each against raw git in the same
                        run: busy day, day with 0 commits, --help, whole history, one commit of 20,000
                        files (time and peak memory), LLM end to end, the site rebuilt after one new day
                        (700 reports) against a full build; one Markdown table (issue 12's rows)
          fleet         gitbrief-server on a throw-away PostgreSQL cluster: an LLM-bound day (400 commits, 1 s
                        latency) with 1, 2 and 4 worker processes, and the overhead of an empty repository-day job
          repos         generate (or keep) the benchmarks' repositories in bench/out and say what each holds

        options:
          --runs N      measured runs per subject, after one warm-up (default 7); the median is reported
          --regenerate  rebuild bench/out/repo even if its version stamp matches
          --republish   install/publish gitbrief again even if bench/out/gitbrief-tool (and gitbrief-jit, gitbrief-server) is up to date
          --quick       install: 1 run instead of 3 for the slow cases (whole history, 20,000 files, LLM)
          --only CASES  install: only these cases, comma-separated: busy-day, real-day, empty-day, help, history, wide, llm,
                        site; fleet: workers (the LLM-bound day), overhead (the empty job)
          --repository PATH --day YYYY-MM-DD [--tz ZONE]
                        install: the case real-day, the busy-day row on that day of any repository (work tree or bare,
                        its HEAD), days in ZONE (IANA, default UTC); with --only busy-day,real-day beside the generated days
        """;

    public int Runs { get; init; } = 7;

    public bool Regenerate { get; init; }

    public bool Republish { get; init; }

    public bool Quick { get; init; }

    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary><c>--repository PATH --day D [--tz ZONE]</c>: the day of a repository the user names, for the case <c>real-day</c>.</summary>
    public GitWindow? RealDay { get; init; }

    /// <summary>Parses the options after the benchmark name; throws <see cref="FormatException"/> on a bad one.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> arguments)
    {
        var options = new BenchOptions();
        string? repository = null;
        DateOnly? day = null;
        var zone = "UTC";
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
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--only" when i + 1 < arguments.Count:
                    var cases = arguments[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    string[] known = [.. InstallBenchmark.Cases, .. FleetBenchmark.Cases];
                    var unknown = cases.FirstOrDefault(c => !known.Contains(c, StringComparer.Ordinal));
                    options = unknown is null
                        ? options with { Only = new HashSet<string>(cases, StringComparer.Ordinal) }
                        : throw new FormatException($"unknown case '{unknown}' for --only ({string.Join(", ", known)})");
                    break;
                case "--repository" when i + 1 < arguments.Count:
                    repository = Directory.Exists(arguments[++i]) ? arguments[i] : throw new FormatException($"--repository: no directory '{arguments[i]}'");
                    break;
                case "--day" when i + 1 < arguments.Count:
                    day = DateOnly.TryParseExact(arguments[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                        ? parsed
                        : throw new FormatException($"--day: '{arguments[i]}' is not a date YYYY-MM-DD");
                    break;
                case "--tz" when i + 1 < arguments.Count:
                    zone = TimeZoneInfo.TryFindSystemTimeZoneById(arguments[++i], out _) ? arguments[i] : throw new FormatException($"--tz: unknown time zone '{arguments[i]}'");
                    break;
                default:
                    throw new FormatException($"unknown or incomplete option '{arguments[i]}'");
            }
        }
        if ((repository is null) != (day is null))
        {
            throw new FormatException("--repository and --day go together");
        }
        if (repository is null && options.Only.Contains("real-day"))
        {
            throw new FormatException("the case real-day needs --repository PATH --day YYYY-MM-DD");
        }
        return repository is null ? options : options with { RealDay = new GitWindow(Path.GetFullPath(repository), day!.Value, day.Value, zone, "HEAD") };
    }
}
