using System.Globalization;
using System.Text.RegularExpressions;

namespace Gitbrief.Bench;

/// <summary><c>report</c>: the wall time of <c>gitbrief report</c> against the wall time of
/// <c>git log -p --numstat</c> over the same window of the generated repository, for the busy day and
/// for 90 days, as a ratio with a target.</summary>
internal static partial class ReportBenchmark
{
    public const string TimeZone = "Asia/Shanghai";

    private sealed record Scenario(string Name, DateOnly First, DateOnly Last, double Target)
    {
        public int Days => Last.DayNumber - First.DayNumber + 1;

        public string Window => First == Last ? Iso(First) : $"{Iso(First)} … {Iso(Last)}";
    }

    private sealed record Row(Scenario Scenario, int Commits, int GitbriefCommits, Measurement Git, Measurement Gitbrief)
    {
        public double Ratio => Gitbrief.Median / Git.Median;

        public bool Pass => Ratio <= Scenario.Target;
    }

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var (paths, machine, repository, binary) = await BenchSetup.PrepareAsync(options).ConfigureAwait(false);

        Scenario[] scenarios =
        [
            new("busy day", RepositoryGenerator.BusyDay, RepositoryGenerator.BusyDay, 2.0),
            new("90 days", RepositoryGenerator.LastDay.AddDays(-89), RepositoryGenerator.LastDay, 1.5),
        ];
        var rows = new List<Row>();
        foreach (var scenario in scenarios)
        {
            Console.Error.WriteLine($"measuring {scenario.Name} ({scenario.Window}): 1 warm-up + {options.Runs} runs each …");
            rows.Add(await MeasureAsync(scenario, repository.Path, binary, paths, options.Runs).ConfigureAwait(false));
        }
        Directory.Delete(Path.Combine(paths.Out, "tmp"), recursive: true);

        Console.WriteLine($"# gitbrief report benchmark ({DateTime.Now:yyyy-MM-dd HH:mm})");
        Console.WriteLine();
        foreach (var line in machine)
        {
            Console.WriteLine($"- {line}");
        }
        Console.WriteLine($"- repository: {paths.Show(repository.Path)}, {repository.Commits} commits on main, HEAD {repository.Head[..12]} "
            + (repository.Reused ? "(cached)" : $"(generated in {repository.Elapsed.TotalSeconds:0.0} s)"));
        Console.WriteLine($"- gitbrief: {binary.Variant}, {paths.Show(binary.Executable)} ({binary.Note})");
        Console.WriteLine($"- each figure: median of {options.Runs} runs after 1 warm-up (min–max in brackets); wall time of the process");
        Console.WriteLine();
        Console.WriteLine("| window | days | commits | git log -p --numstat | gitbrief report | ratio | target | result |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Scenario.Name} {row.Scenario.Window} | {row.Scenario.Days} | {row.Commits} | {Cell(row.Git)} | {Cell(row.Gitbrief)} "
                + $"| {row.Ratio:0.00}× | ≤ {row.Scenario.Target:0.0}× | {(row.Pass ? "PASS" : "FAIL")} vs target |");
        }
        foreach (var row in rows.Where(r => r.GitbriefCommits != r.Commits))
        {
            Console.WriteLine($"\nwarning: {row.Scenario.Name}: gitbrief reported {row.GitbriefCommits} commits, git rev-list counts {row.Commits}");
        }
        return rows.All(r => r.Pass) ? 0 : 1;
    }

    private static async Task<Row> MeasureAsync(Scenario scenario, string repository, GitbriefBinary binary, BenchPaths paths, int runs)
    {
        var since = $"--since={Iso(scenario.First)} 00:00:00 +0800";
        var until = $"--until={Iso(scenario.Last)} 23:59:59 +0800";
        var commits = int.Parse(await ProcessRunner.GitAsync(repository, "rev-list", "--count", since, until, "main").ConfigureAwait(false), CultureInfo.InvariantCulture);
        string[] gitArguments = ["-C", repository, "log", "-p", "--numstat", since, until, "main"];
        string[] window = scenario.First == scenario.Last
            ? ["--date", Iso(scenario.First)]
            : ["--since", Iso(scenario.First), "--until", Iso(scenario.Last)];
        // One cache directory per scenario: the warm-up creates the SQLite store, as the first day of real
        // use does; every measured run then opens the existing store. Output: a fresh directory every run.
        var scratch = Path.Combine(paths.Out, "tmp");
        var cache = Path.Combine(scratch, $"cache-{Guid.NewGuid():N}");
        var reported = -1;

        var measurements = await Measure.InterleavedAsync(runs,
            ("git", async () =>
            {
                var result = await ProcessRunner.RunAsync("git", gitArguments, captureOutput: false).ConfigureAwait(false);
                return result.EnsureSuccess("git log").Elapsed;
            }),
            ("gitbrief", async () =>
            {
                var result = await ReportOnceAsync(binary, repository, window, scenario.Days, cache, scratch).ConfigureAwait(false);
                reported = Reported(result);
                return result.Elapsed;
            })).ConfigureAwait(false);
        Directory.Delete(cache, recursive: true);
        return new Row(scenario, commits, reported, measurements[0], measurements[1]);
    }

    /// <summary>One <c>gitbrief report</c> of <paramref name="window"/> (<c>--date D</c> or <c>--since … --until …</c>)
    /// into a fresh output directory under <paramref name="scratch"/>, with the store in <paramref name="cache"/>, days in
    /// <paramref name="timeZone"/>; throws unless it exits 0 having written one Markdown report per day.</summary>
    public static async Task<ProcessResult> ReportOnceAsync(
        GitbriefBinary binary, string repository, IReadOnlyList<string> window, int days, string cache, string scratch, bool samplePeakMemory = false,
        string timeZone = TimeZone)
    {
        var run = Path.Combine(scratch, $"run-{Guid.NewGuid():N}");
        var output = Path.Combine(run, "out");
        Directory.CreateDirectory(run);
        string[] arguments = ["report", "--repo", repository, .. window, "--tz", timeZone, "--out", output, "--cache-dir", cache];
        var result = await binary.RunAsync(arguments, run, captureOutput: false, samplePeakMemory: samplePeakMemory).ConfigureAwait(false);
        result.EnsureSuccess("gitbrief report");
        var written = Directory.EnumerateFiles(output, "*.md", SearchOption.AllDirectories).Count();
        if (written != days)
        {
            throw new InvalidOperationException($"gitbrief wrote {written} Markdown reports, expected {days}");
        }
        Directory.Delete(run, recursive: true);
        return result;
    }

    /// <summary>The number of commits gitbrief said it reported (its "N commit(s)" lines, added up), or -1.</summary>
    public static int Reported(ProcessResult result)
    {
        var matches = CommitCount().Matches(result.Error);
        return matches.Count == 0 ? -1 : matches.Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static string Cell(Measurement m) => $"{Measure.Format(m.Median)} ({Measure.Number(m.Min)}–{Measure.Format(m.Max)})";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@": (\d+) commit\(s\)")]
    private static partial Regex CommitCount();
}
