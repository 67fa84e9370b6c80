using System.Globalization;
using Gitbrief.Simulators;

namespace Gitbrief.Bench;

/// <summary><c>install</c>: what users install (<c>./install.sh</c>, the Native AOT .NET tool) and the JIT build
/// (framework-dependent, <c>dotnet gitbrief.dll</c>) beside it, each against raw git measured in the same
/// run, interleaved, for the cases of issue 12; prints one Markdown table.</summary>
internal static class InstallBenchmark
{
    /// <summary>The cases, in table order, by the name <c>--only</c> selects them with.</summary>
    public static readonly string[] Cases = ["busy-day", "real-day", "empty-day", "help", "history", "wide", "llm", "site"];

    private const int LlmConcurrency = 8;
    private static readonly TimeSpan LlmLatency = TimeSpan.FromSeconds(1);

    /// <summary>One line of the table: the case, the baseline's cell, one cell per build, the goal and whether
    /// the installed build meets it (null: not measured).</summary>
    private sealed record Line(string Case, string Baseline, IReadOnlyList<string> Builds, string Goal, bool? InstalledMeetsGoal);

    private sealed record Context(BenchPaths Paths, GeneratedRepository Repository, IReadOnlyList<GitbriefBinary> Builds, string Scratch, int Runs, int SlowRuns,
        bool Regenerate, GitWindow? RealDay)
    {
        /// <summary>What the table's header says about each repository a case generated, by its path.</summary>
        public SortedDictionary<string, string> Repositories { get; } = new(StringComparer.Ordinal);
    }

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var (paths, machine, repository, installed) = await BenchSetup.PrepareAsync(options).ConfigureAwait(false);
        var jit = await GitbriefBinary.JitAsync(paths, options.Republish).ConfigureAwait(false);
        var scratch = Path.Combine(paths.Out, "tmp");
        Directory.CreateDirectory(scratch);
        var context = new Context(paths, repository, [installed, jit], scratch, options.Runs, options.Quick ? 1 : 3, options.Regenerate, options.RealDay);
        // Each build as a run after a reboot finds it, read from disk, not from the pages its installer wrote.
        var evicted = context.Builds.Sum(build => PageCache.Evict(Path.GetDirectoryName(new FileInfo(build.Executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? build.Executable)!));

        var lines = new List<Line>();
        // real-day needs --repository and --day; without them it is not run (and --only real-day is a usage error).
        foreach (var name in Cases.Where(c => (options.Only.Count == 0 || options.Only.Contains(c)) && (c != "real-day" || options.RealDay is not null)))
        {
            Console.Error.WriteLine($"measuring {name} …");
            try
            {
                lines.AddRange(await MeasureAsync(name, context).ConfigureAwait(false));
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or System.Text.Json.JsonException or KeyNotFoundException)
            {
                // One broken case must not cost the figures of the others: it is a failed line of the table.
                Console.Error.WriteLine($"{name} failed: {e}");
                var error = "error: " + e.Message.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
                lines.Add(new Line(name, "—", [error, error], "—", false));
            }
        }
        Directory.Delete(scratch, recursive: true);

        Console.WriteLine($"# gitbrief as installed, and the JIT build, against raw git ({DateTime.Now:yyyy-MM-dd HH:mm})");
        Console.WriteLine();
        foreach (var line in machine)
        {
            Console.WriteLine($"- {line}");
        }
        Console.WriteLine($"- repository: {paths.Show(repository.Path)}, {repository.Commits} commits on main, HEAD {repository.Head[..12]}");
        foreach (var (path, description) in context.Repositories)
        {
            Console.WriteLine($"- repository: {paths.Show(path)}, {description}");
        }
        foreach (var build in context.Builds)
        {
            Console.WriteLine($"- {build.Variant}: {paths.Show(build.Executable)} ({build.Note})");
        }
        Console.WriteLine($"- page cache: the builds' {evicted} files evicted before the first case (read from disk, as after a reboot)");
        Console.WriteLine($"- each figure: median of {context.Runs} runs ({context.SlowRuns} for whole history, 20,000 files and LLM) after 1 warm-up, "
            + "git and each build interleaved in every round; wall time of the process");
        Console.WriteLine();
        Console.WriteLine("| case | baseline (raw git, same run) | installed: Native AOT tool | JIT: `dotnet gitbrief.dll` | goal (installed) |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var line in lines)
        {
            var mark = line.InstalledMeetsGoal switch { true => " ✓", false => " ✗", null => string.Empty };
            Console.WriteLine($"| {line.Case} | {line.Baseline} | {line.Builds[0]}{mark} | {line.Builds[1]} | {line.Goal} |");
        }
        return lines.All(l => l.InstalledMeetsGoal != false) ? 0 : 1;
    }

    private static async Task<IReadOnlyList<Line>> MeasureAsync(string name, Context context) => name switch
    {
        "busy-day" => await BusyDayAsync(context).ConfigureAwait(false),
        "real-day" => [await RealDayAsync(context, context.RealDay!).ConfigureAwait(false)],
        "empty-day" => [await EmptyDayAsync(context).ConfigureAwait(false)],
        "help" => [await HelpAsync(context).ConfigureAwait(false)],
        "history" => [await HistoryAsync(context).ConfigureAwait(false)],
        "wide" => [await WideCommitAsync(context).ConfigureAwait(false)],
        "llm" => await LlmAsync(context).ConfigureAwait(false),
        "site" => [await SiteAsync(context).ConfigureAwait(false)],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
    };

    /// <summary>Two busy days: the 50 small commits of bench/out/repo, and the 50 real-sized commits of
    /// bench/out/realday-repo (calibrated on a real busy day, bench/README.md).</summary>
    private static async Task<IReadOnlyList<Line>> BusyDayAsync(Context context)
    {
        var realSized = await RealSizedDayRepository.EnsureAsync(context.Paths.Out, context.Regenerate).ConfigureAwait(false);
        var (small, real) = (RepositoryGenerator.BusyDay, RealSizedDayRepository.BusyDay);
        context.Repositories[realSized.Path] = $"{realSized.Commits} commits on main, HEAD {realSized.Head[..12]}, the real-sized busy day {Iso(real)}";
        return
        [
            await DayAgainstGitAsync(context, new GitWindow(context.Repository.Path, small, small), c => $"busy day {Iso(small)}, {c} small commits, rules")
                .ConfigureAwait(false),
            await DayAgainstGitAsync(context, new GitWindow(realSized.Path, real, real), c => $"busy day {Iso(real)}, {c} real-sized commits, rules")
                .ConfigureAwait(false),
        ];
    }

    /// <summary>The busy-day row on a repository and day the user names (<c>--repository PATH --day D [--tz ZONE]</c>).</summary>
    private static async Task<Line> RealDayAsync(Context context, GitWindow day)
    {
        var head = await ProcessRunner.GitAsync(day.Repository, "rev-parse", day.Revision).ConfigureAwait(false);
        context.Repositories[day.Repository] = $"given with --repository: HEAD {head[..12]}";
        return await DayAgainstGitAsync(context, day, c => $"busy day {Iso(day.First)} of {day.Name} (`--tz {day.TimeZone}`), {c} commits, rules")
            .ConfigureAwait(false);
    }

    /// <summary>One day of a repository: raw <c>git log -p --numstat</c> against <c>gitbrief report --date</c> of every build,
    /// interleaved; the goal is ≤ 0.8× of git (issue 12's "busy day, rules").</summary>
    private static async Task<Line> DayAgainstGitAsync(Context context, GitWindow day, Func<int, string> label)
    {
        var (git, builds) = await ReportAgainstGitAsync(context, day, ["log", "-p", "--numstat"], context.Runs).ConfigureAwait(false);
        var commits = await CountAsync(day).ConfigureAwait(false);
        var perCommit = git.Median.TotalMilliseconds / Math.Max(1, commits);
        return new Line(label(commits), string.Create(CultureInfo.InvariantCulture, $"`git log -p --numstat` {Measure.Format(git.Median)} ({perCommit:0.0} ms a commit)"),
            builds.Select(b => $"{Ratio(b, git)} ({Measure.Format(b.Median)})").ToList(), "≤ 0.8×", builds[0].Median / git.Median <= 0.8);
    }

    private static async Task<Line> EmptyDayAsync(Context context)
    {
        var day = RepositoryGenerator.LastDay.AddDays(7);
        var (git, builds) = await ReportAgainstGitAsync(context, new GitWindow(context.Repository.Path, day, day), ["log", "-p"], context.Runs).ConfigureAwait(false);
        return new Line($"day with 0 commits ({Iso(day)})", $"`git log -p` {Measure.Format(git.Median)}",
            builds.Select(b => Measure.Format(b.Median)).ToList(), "≤ 40 ms", builds[0].Median <= TimeSpan.FromMilliseconds(40));
    }

    private static async Task<Line> HelpAsync(Context context)
    {
        var builds = await Measure.InterleavedAsync(context.Runs, context.Builds.Select(build => (build.Variant, new Func<Task<TimeSpan>>(async () =>
            (await build.RunAsync(["--help"], captureOutput: false).ConfigureAwait(false)).EnsureSuccess("gitbrief --help").Elapsed))).ToArray()).ConfigureAwait(false);
        return new Line("`gitbrief --help`", "—", builds.Select(b => Measure.Format(b.Median)).ToList(), "≤ 20 ms", builds[0].Median <= TimeSpan.FromMilliseconds(20));
    }

    private static async Task<Line> HistoryAsync(Context context)
    {
        var (first, last) = (RepositoryGenerator.FirstDay, RepositoryGenerator.LastDay);
        var (git, builds) = await ReportAgainstGitAsync(context, new GitWindow(context.Repository.Path, first, last), ["log", "--numstat"], context.SlowRuns).ConfigureAwait(false);
        var commits = await CountAsync(new GitWindow(context.Repository.Path, first, last)).ConfigureAwait(false);
        string Rate(Measurement m) => string.Create(CultureInfo.InvariantCulture, $"{commits / m.Median.TotalSeconds:#,0} commits/s");
        return new Line($"whole history, {commits:N0} commits over {last.DayNumber - first.DayNumber + 1} days, rules",
            $"`git log --numstat` {Rate(git)} ({Measure.Format(git.Median)})",
            builds.Select(b => $"{Ratio(b, git)} ({Rate(b)})").ToList(), "≤ 1.0×", builds[0].Median / git.Median <= 1.0);
    }

    private static async Task<Line> WideCommitAsync(Context context)
    {
        var wide = await WideCommitRepository.EnsureAsync(context.Paths.Out, context.Regenerate).ConfigureAwait(false);
        var day = WideCommitRepository.Day;
        var peaks = new long[context.Builds.Count + 1];
        var (git, builds) = await ReportAgainstGitAsync(context, new GitWindow(wide.Path, day, day), ["log", "-p"], context.SlowRuns, peaks).ConfigureAwait(false);
        return new Line($"one commit touching {WideCommitRepository.Files:N0} files", $"`git log -p` {Measure.Format(git.Median)}, {MiB(peaks[0])}",
            builds.Select((b, i) => $"{Ratio(b, git)}, {MiB(peaks[i + 1])}").ToList(), "≤ 1.5×, ≤ 64 MiB",
            builds[0].Median / git.Median <= 1.5 && peaks[1] <= 64L << 20);
    }

    private static async Task<IReadOnlyList<Line>> LlmAsync(Context context)
    {
        var burst = await BurstDayRepository.EnsureAsync(context.Paths.Out, context.Regenerate).ConfigureAwait(false);
        return
        [
            await LlmDayAsync(context, context.Repository.Path, RepositoryGenerator.BusyDay, LlmConcurrency, "busy day end to end", "≤ 1.15×", 1.15)
                .ConfigureAwait(false),
            await LlmDayAsync(context, burst.Path, BurstDayRepository.Day, 32, "release day end to end", "≤ 1.25×", 1.25).ConfigureAwait(false),
        ];
    }

    /// <summary>One day through every build with --llm, <paramref name="concurrency"/> in flight, against the simulator's
    /// 1 s latency; the figure is the ratio to the floor, ⌈commits / concurrency⌉ rounds of 1 s.</summary>
    private static async Task<Line> LlmDayAsync(Context context, string repository, DateOnly day, int concurrency, string what, string goal, double limit)
    {
        await using var simulator = await ChatSimulator.StartAsync().ConfigureAwait(false);
        simulator.Latency = LlmLatency;
        var commits = 0;
        var builds = await Measure.InterleavedAsync(context.SlowRuns, context.Builds.Select(build => (build.Variant, new Func<Task<TimeSpan>>(async () =>
        {
            var run = await LlmBenchmark.EndToEndAsync(build, repository, simulator, context.Paths, concurrency, day).ConfigureAwait(false);
            if (run.ExitCode != 0 || run.Fallbacks != 0 || run.Analysed != run.Commits)
            {
                throw new InvalidOperationException($"gitbrief report --llm: {run.Describe(build)}");
            }
            commits = run.Commits;
            return run.Elapsed;
        }))).ToArray()).ConfigureAwait(false);
        var floor = LlmLatency * Math.Ceiling((double)commits / concurrency);
        string Cell(Measurement m) => string.Create(CultureInfo.InvariantCulture, $"{m.Median / floor:0.00}× ({m.Median.TotalSeconds:0.0} s)");
        return new Line($"LLM, {what}, {commits} commits, {concurrency} in flight, 1 s latency",
            string.Create(CultureInfo.InvariantCulture, $"floor {floor.TotalSeconds:0} s (⌈{commits} / {concurrency}⌉ rounds of 1 s)"),
            builds.Select(Cell).ToList(), goal, builds[0].Median / floor <= limit);
    }

    /// <summary>The site of <see cref="SiteRepositories"/> × <see cref="SiteDays"/> JSON reports: a full build
    /// (<c>gitbrief site --full</c>) against the rebuild after one new day (the day's report added to a site built
    /// without it), each build interleaved with its own full build.</summary>
    private static async Task<Line> SiteAsync(Context context)
    {
        var reports = await SiteReportsAsync(context).ConfigureAwait(false);
        var newest = Directory.EnumerateFiles(Path.Combine(reports, SiteYear, "bench-1"), "*.json").Order(StringComparer.Ordinal).Last();
        var held = Path.Combine(context.Scratch, "held.json");
        var subjects = new List<(string, Func<Task<TimeSpan>>)>();
        foreach (var (build, index) in context.Builds.Select((b, i) => (b, i)))
        {
            var site = Path.Combine(context.Scratch, $"site-{index}");
            async Task<ProcessResult> Site(params string[] extra) =>
                (await build.RunAsync(["site", "--reports", reports, "--out", site, .. extra], context.Scratch, captureOutput: false).ConfigureAwait(false))
                .EnsureSuccess("gitbrief site");
            subjects.Add(("full " + build.Variant, async () => (await Site("--full").ConfigureAwait(false)).Elapsed));
            subjects.Add((build.Variant, async () =>
            {
                File.Move(newest, held);
                await Site().ConfigureAwait(false);
                File.Move(held, newest);
                return (await Site().ConfigureAwait(false)).Elapsed;
            }));
        }
        var measured = await Measure.InterleavedAsync(context.Runs, [.. subjects]).ConfigureAwait(false);
        var count = Directory.EnumerateFiles(reports, "*.json", SearchOption.AllDirectories).Count();
        return new Line($"site, {count} reports: rebuild after 1 new day", $"full build (`gitbrief site --full`) {Measure.Format(measured[0].Median)}",
            context.Builds.Select((b, i) => $"{Measure.Format(measured[2 * i + 1].Median)} ({Ratio(measured[2 * i + 1], measured[2 * i])} of its full build {Measure.Format(measured[2 * i].Median)})").ToList(),
            "≤ 0.15 s (incremental)", measured[1].Median <= TimeSpan.FromMilliseconds(150));
    }

    private const int SiteRepositories = 4;
    private const int SiteDays = 175;
    private static readonly string SiteYear = RepositoryGenerator.FirstDay.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>JSON reports of <see cref="SiteDays"/> days of the generated repository, written by the installed build,
    /// under <see cref="SiteRepositories"/> folder names (bench-1 …), as a site of several repositories has them.</summary>
    private static async Task<string> SiteReportsAsync(Context context)
    {
        var reports = Path.Combine(context.Scratch, "site-reports");
        var written = Path.Combine(context.Scratch, "site-report-out");
        string[] arguments = ["report", "--repo", context.Repository.Path, "--since", Iso(RepositoryGenerator.FirstDay),
            "--until", Iso(RepositoryGenerator.FirstDay.AddDays(SiteDays - 1)), "--tz", ReportBenchmark.TimeZone, "--format", "json",
            "--out", written, "--cache-dir", Path.Combine(context.Scratch, "site-cache")];
        (await context.Builds[0].RunAsync(arguments, context.Scratch, captureOutput: false).ConfigureAwait(false)).EnsureSuccess("gitbrief report --format json");
        var source = Directory.EnumerateDirectories(Path.Combine(written, SiteYear)).Single();
        for (var i = 1; i <= SiteRepositories; i++)
        {
            var target = Path.Combine(reports, SiteYear, $"bench-{i}");
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(source, "*.json"))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }
        }
        return reports;
    }

    /// <summary><c>git log ARGS --since --until REVISION</c> and <c>gitbrief report</c> of every build over the same
    /// window, interleaved; with <paramref name="peaks"/>, the largest peak resident set of each (git first).</summary>
    private static async Task<(Measurement Git, IReadOnlyList<Measurement> Builds)> ReportAgainstGitAsync(
        Context context, GitWindow window, string[] gitLog, int runs, long[]? peaks = null)
    {
        string[] gitArguments = ["-C", window.Repository, .. gitLog, .. window.GitBounds(), window.Revision];
        var sample = peaks is not null;
        void Peak(int subject, ProcessResult result)
        {
            if (peaks is not null)
            {
                peaks[subject] = Math.Max(peaks[subject], result.PeakMemory);
            }
        }

        var subjects = new List<(string, Func<Task<TimeSpan>>)>
        {
            ("git", async () =>
            {
                var result = (await ProcessRunner.RunAsync("git", gitArguments, captureOutput: false, samplePeakMemory: sample).ConfigureAwait(false)).EnsureSuccess("git log");
                Peak(0, result);
                return result.Elapsed;
            }),
        };
        foreach (var (build, index) in context.Builds.Select((b, i) => (b, i)))
        {
            // One store per build and window: the warm-up creates it, as the first day of real use does.
            var cache = Path.Combine(context.Scratch, $"cache-{Guid.NewGuid():N}");
            subjects.Add((build.Variant, async () =>
            {
                var result = await ReportBenchmark.ReportOnceAsync(build, window.Repository, window.ReportArguments(), window.Days, cache, context.Scratch, sample, window.TimeZone).ConfigureAwait(false);
                Peak(index + 1, result);
                return result.Elapsed;
            }));
        }
        var measured = await Measure.InterleavedAsync(runs, [.. subjects]).ConfigureAwait(false);
        return (measured[0], measured.Skip(1).ToList());
    }

    private static async Task<int> CountAsync(GitWindow window) =>
        int.Parse(await ProcessRunner.GitAsync(window.Repository, ["rev-list", "--count", .. window.GitBounds(), window.Revision]).ConfigureAwait(false),
            CultureInfo.InvariantCulture);

    private static string Ratio(Measurement build, Measurement baseline) =>
        string.Create(CultureInfo.InvariantCulture, $"{build.Median / baseline.Median:0.00}×");

    private static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0} MiB");

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
