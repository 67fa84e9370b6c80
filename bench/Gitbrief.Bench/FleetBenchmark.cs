using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;
using Npgsql;

namespace Gitbrief.Bench;

/// <summary><c>fleet</c>: gitbrief-server workers on a throw-away PostgreSQL cluster. (1) An LLM-bound day — 80
/// repositories × 5 commits (400 commits, plus one highlights request per repository-day), the simulator answering
/// each request after 1 s, 8 LLM requests in flight per worker process, no rate limit — with 1, 2 and 4 worker
/// processes: commits per second from enqueue to published, against one process. (2) The engine's overhead per
/// empty repository-day job: 80 repository-days without commits, one process running one job at a time.</summary>
internal static class FleetBenchmark
{
    private const int Repositories = 80;
    private const int CommitsPerDay = 5;
    private const int PerWorkerConcurrency = 8;

    /// <summary>Jobs per process (server.workers): as many as its LLM slots. A job keeps up to five requests in flight
    /// and then asks for its highlights, so eight jobs keep eight slots busy; more only add idle Hangfire workers
    /// polling the queue, connections, and CPU contention between jobs waiting for the same slots.</summary>
    private const int JobsPerWorker = 8;
    private const string WarmDay = "2026-03-02";
    private const string BusyDay = "2026-03-03";
    private const string EmptyWarmDay = "2026-03-04";
    private const string EmptyDay = "2026-03-05";
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    /// <summary>The parts <c>--only</c> may pick: the LLM-bound day with 1, 2, 4 processes, and the empty job's overhead.</summary>
    public static readonly string[] Cases = ["workers", "overhead"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        bool Runs(string part) => options.Only.Count == 0 || options.Only.Contains(part);
        var paths = BenchPaths.Locate();
        var machine = await MachineInfo.DescribeAsync(paths.Root).ConfigureAwait(false);
        var server = await GitbriefBinary.ServerAsync(paths, options.Republish).ConfigureAwait(false);
        var root = Path.Combine(paths.Out, "fleet");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        Directory.CreateDirectory(root);
        Console.Error.WriteLine($"generating {Repositories} repositories …");
        var repositories = await GenerateAsync(root).ConfigureAwait(false);
        var cluster = new PostgresCluster();
        await cluster.InitializeAsync().ConfigureAwait(false);
        try
        {
            await using var llm = await ChatSimulator.StartAsync().ConfigureAwait(false);
            llm.Latency = Latency;
            var rows = new List<(int Workers, DayTime Elapsed, int Requests, string Load, CpuSpent Cpu, string Timeline)>();
            foreach (var workers in Runs("workers") ? [1, 2, 4] : Array.Empty<int>())
            {
                Console.Error.WriteLine($"LLM-bound day with {workers} worker process(es) …");
                await using var fleet = await BenchFleet.StartAsync(cluster, server, root, repositories, llm, workers, JobsPerWorker, $"llm-{workers}").ConfigureAwait(false);
                await fleet.RunDayAsync(WarmDay).ConfigureAwait(false);
                var before = llm.Requests.Count;
                var cpu = fleet.Cpu(cluster);
                var startedAt = DateTimeOffset.UtcNow;
                var elapsed = await fleet.RunDayAsync(BusyDay).ConfigureAwait(false);
                var requests = llm.Requests.Skip(before).ToList();
                rows.Add((workers, elapsed, requests.Count, MachineInfo.LoadAverage(), fleet.Cpu(cluster) - cpu, await fleet.TimelineAsync(BusyDay, startedAt, requests, workers).ConfigureAwait(false)));
            }
            DayTime? empty = null;
            string? emptyLoad = null;
            string? emptyBreakdown = null;
            if (Runs("overhead"))
            {
                Console.Error.WriteLine("empty repository-days, one job at a time …");
                await using var fleet = await BenchFleet.StartAsync(cluster, server, root, repositories, llm, workers: 1, jobsPerWorker: 1, "empty").ConfigureAwait(false);
                await fleet.RunDayAsync(EmptyWarmDay).ConfigureAwait(false);
                empty = await fleet.RunDayAsync(EmptyDay).ConfigureAwait(false);
                emptyLoad = MachineInfo.LoadAverage();
                emptyBreakdown = await fleet.BreakdownAsync(EmptyDay).ConfigureAwait(false);
            }
            return Print(machine, rows, empty, emptyLoad, emptyBreakdown);
        }
        finally
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static int Print(IReadOnlyList<string> machine, List<(int Workers, DayTime Elapsed, int Requests, string Load, CpuSpent Cpu, string Timeline)> rows, DayTime? empty, string? emptyLoad, string? emptyBreakdown)
    {
        var commits = Repositories * CommitsPerDay;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# gitbrief fleet benchmark ({DateTime.Now:yyyy-MM-dd HH:mm})\n\n");
        foreach (var line in machine)
        {
            text.Append("- ").Append(line).Append('\n');
        }
        text.Append(CultureInfo.InvariantCulture,
            $"- workload: {Repositories} repositories × {CommitsPerDay} commits on one day ({commits} commits, {Repositories} repository-days, one highlights request each), simulated LLM latency {Latency.TotalSeconds:0} s, {PerWorkerConcurrency} LLM requests in flight per worker process (server.llm_concurrency), no rate limit; time from the day queued (the enqueue command's transaction, the database's clock) to published, and from the enqueue command's start (a process: its JIT and connection) to the bench seeing it published; servers warmed up by one earlier day\n");
        var pass = true;
        if (rows.Count > 0)
        {
            var baseline = commits / rows[0].Elapsed.Queued.TotalSeconds;
            text.Append("\n| worker processes | LLM requests | wall time, queued → published | with the enqueue command's start | commits/s | vs 1 worker | target | result | CPU s: servers + git / PostgreSQL / bench (LLM simulator) | load average after |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
            foreach (var (workers, elapsed, requests, load, cpu, _) in rows)
            {
                var rate = commits / elapsed.Queued.TotalSeconds;
                var ratio = rate / baseline;
                var target = workers == 4 ? "≥ 3.2×" : "";
                var result = workers == 4 ? (ratio >= 3.2 ? "PASS" : "FAIL") : "";
                pass &= workers != 4 || ratio >= 3.2;
                text.Append(CultureInfo.InvariantCulture, $"| {workers} | {requests} | {elapsed.Queued.TotalSeconds:0.0} s | {elapsed.Command.TotalSeconds:0.0} s | {rate:0.0} | {ratio:0.00}× | {target} | {result} | {cpu} | {load} |\n");
            }
        }
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{row.Workers} process(es): {row.Timeline}");
        }
        if (rows.Count > 0)
        {
            text.Append('\n');
        }
        if (empty is { } times)
        {
            var wall = times.Queued;
            var perJob = wall.TotalMilliseconds / Repositories;
            pass &= perJob <= 50;
            text.Append(CultureInfo.InvariantCulture,
                $"\n| engine overhead | jobs | wall time, queued → published | per job | with the enqueue command's start | target | result | load average after |\n| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n| empty repository-day, 1 process × 1 job at a time | {Repositories} | {wall.TotalSeconds:0.00} s | {perJob:0} ms | {times.Command.TotalMilliseconds / Repositories:0} ms | ≤ 50 ms | {(perJob <= 50 ? "PASS" : "FAIL")} | {emptyLoad} |\n\n{emptyBreakdown}\n");
        }
        Console.Write(text.ToString());
        return pass ? 0 : 1;
    }

    /// <summary>The repositories: one commit each on the warm-up day, five on the busy day, none on the two empty days.</summary>
    private static async Task<List<string>> GenerateAsync(string root)
    {
        var list = new List<string>();
        for (var r = 0; r < Repositories; r++)
        {
            var path = Path.Combine(root, "repos", $"svc{r:D3}");
            Directory.CreateDirectory(path);
            await ProcessRunner.GitAsync(path, "init", "-q", "-b", "main").ConfigureAwait(false);
            var stream = new StringBuilder();
            var mark = 0;
            foreach (var (day, commits) in new[] { (WarmDay, 1), (BusyDay, CommitsPerDay) })
            {
                for (var c = 0; c < commits; c++)
                {
                    var when = DateTimeOffset.ParseExact($"{day} {9 + c:D2}:00:00 +08:00", "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture).ToUnixTimeSeconds();
                    var content = $"value_{r}_{day}_{c} = {c}\n";
                    var message = $"feat: change {c} of service {r} on {day}\n";
                    stream.Append("commit refs/heads/main\n").Append(CultureInfo.InvariantCulture, $"mark :{++mark}\n")
                        .Append(CultureInfo.InvariantCulture, $"author Bench <bench@example.com> {when} +0800\ncommitter Bench <bench@example.com> {when} +0800\n")
                        .Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(message)}\n{message}")
                        .Append(mark > 1 ? $"from :{mark - 1}\n" : "")
                        .Append(CultureInfo.InvariantCulture, $"M 100644 inline src/{day}/f{c}.py\ndata {Encoding.UTF8.GetByteCount(content)}\n{content}\n");
                }
            }
            var bytes = Encoding.UTF8.GetBytes(stream.ToString());
            (await ProcessRunner.RunAsync("git", ["fast-import", "--quiet"], path, writeInput: s => s.WriteAsync(bytes).AsTask()).ConfigureAwait(false)).EnsureSuccess("git fast-import");
            await ProcessRunner.GitAsync(path, "checkout", "-q", "main").ConfigureAwait(false);
            list.Add(path);
        }
        return list;
    }

    /// <summary>A running fleet: its database, config and server processes.</summary>
    private sealed class BenchFleet : IAsyncDisposable
    {
        private readonly List<Process> servers = [];
        private NpgsqlConnection? watcher;
        private TimeSpan lastEnqueue;
        private readonly string connectionString;
        private readonly Dictionary<string, string> environment;
        private readonly string config;
        private readonly string directory;
        private readonly string serverDll;

        private BenchFleet(string connectionString, Dictionary<string, string> environment, string config, string directory, string serverDll)
        {
            this.connectionString = connectionString;
            this.environment = environment;
            this.config = config;
            this.directory = directory;
            this.serverDll = serverDll;
        }

        public static async Task<BenchFleet> StartAsync(
            PostgresCluster cluster, string serverDll, string root, IReadOnlyList<string> repositories, ChatSimulator llm, int workers, int jobsPerWorker, string name)
        {
            var database = await cluster.CreateDatabaseAsync("bench").ConfigureAwait(false);
            var directory = Path.Combine(root, name);
            Directory.CreateDirectory(directory);
            var config = Path.Combine(directory, "gitbrief.yaml");
            await File.WriteAllTextAsync(config, $"""
                repositories:
                {string.Join("\n", repositories.Select(r => "  - " + r))}
                timezone: Asia/Shanghai
                output: {Path.Combine(directory, "reports")}
                cache_dir: {Path.Combine(directory, "cache")}
                analysis: llm
                llm:
                  base_url: {llm.BaseUrl}
                  model: bench-fleet
                  max_concurrency: 64
                server:
                  workers: {jobsPerWorker}
                  llm_concurrency: {PerWorkerConcurrency}
                  dashboard:
                    bind: "off"

                """).ConfigureAwait(false);
            var environment = new Dictionary<string, string>
            {
                ["LLM_API_KEY"] = "sk-bench-not-a-secret",
                ["GITBRIEF_STORE"] = cluster.Url(database),
                ["GITBRIEF_STORE_PASSWORD"] = cluster.Password,
            };
            var fleet = new BenchFleet(cluster.ConnectionString(database), environment, config, directory, serverDll);
            for (var i = 0; i < workers; i++)
            {
                fleet.servers.Add(fleet.StartServer());
            }
            await fleet.WaitUntilAsync("SELECT count(*) FROM hangfire.server", workers).ConfigureAwait(false);
            return fleet;
        }

        private ProcessStartInfo StartInfo(params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = directory };
            foreach (var argument in new[] { serverDll }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
            start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
            start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
            return start;
        }

        private Process StartServer()
        {
            var process = Process.Start(StartInfo("serve", "--config", config)) ?? throw new InvalidOperationException("cannot start gitbrief-server");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase))
                {
                    Console.Error.WriteLine("  server: " + line);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }

        /// <summary>Queues a day and waits until every repository-day is done and the day published; returns the time taken.</summary>
        public async Task<DayTime> RunDayAsync(string day)
        {
            var started = Stopwatch.GetTimestamp();
            using (var enqueue = Process.Start(StartInfo("enqueue", "--config", config, "--date", day)) ?? throw new InvalidOperationException("cannot start gitbrief-server"))
            {
                var error = enqueue.StandardError.ReadToEndAsync();
                await enqueue.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
                await enqueue.WaitForExitAsync().ConfigureAwait(false);
                if (enqueue.ExitCode != 0)
                {
                    throw new InvalidOperationException("enqueue failed: " + await error.ConfigureAwait(false));
                }
            }
            lastEnqueue = Stopwatch.GetElapsedTime(started);
            await WaitUntilAsync(
                $"SELECT count(*) FROM gitbrief_fleet.days WHERE day = '{day}' AND published_units = (SELECT count(*) FROM gitbrief_fleet.units WHERE day = '{day}' AND state = 'done') " +
                $"AND (SELECT count(*) FROM gitbrief_fleet.units WHERE day = '{day}' AND state = 'done') = {Repositories}", 1).ConfigureAwait(false);
            var command = Stopwatch.GetElapsedTime(started);
            await using var query = new NpgsqlCommand($"SELECT extract(epoch FROM published_at - enqueued_at) FROM gitbrief_fleet.days WHERE day = '{day}'", watcher);
            var queued = TimeSpan.FromSeconds(Convert.ToDouble(await query.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture));
            return new DayTime(queued, command);
        }

        /// <summary>Where an LLM-bound day's time went, in seconds from the enqueue command's start: the command's exit,
        /// the first and last LLM request received (the simulator's clock: this process's), the last unit done and the
        /// day published (the database's clock, on this machine), and how busy the fleet's LLM slots were in between.</summary>
        public async Task<string> TimelineAsync(string day, DateTimeOffset startedAt, IReadOnlyList<SimulatedRequest> requests, int workers)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT (SELECT enqueued_at FROM gitbrief_fleet.days WHERE day = '{day}'), (SELECT max(updated_at) FROM gitbrief_fleet.units WHERE day = '{day}'), " +
                $"(SELECT published_at FROM gitbrief_fleet.days WHERE day = '{day}')", watcher);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            await reader.ReadAsync().ConfigureAwait(false);
            string At(DateTimeOffset t) => (t - startedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            string Db(int i) => reader.IsDBNull(i) ? "?" : At(reader.GetFieldValue<DateTimeOffset>(i));
            if (requests.Count == 0)
            {
                return "no LLM request";
            }
            var first = requests.Min(r => r.ReceivedAt);
            var last = requests.Max(r => r.ReceivedAt) + Latency;
            var slots = workers * PerWorkerConcurrency;
            var busy = requests.Count * Latency.TotalSeconds / (slots * (last - first).TotalSeconds);
            return $"enqueue command exited at {At(startedAt + lastEnqueue)} s, the day queued at {Db(0)} s; first LLM request at {At(first)} s, " +
                $"last answered at {At(last)} s ({busy:P0} of the {slots} LLM slots busy in between; floor {requests.Count * Latency.TotalSeconds / slots:0.0} s); " +
                $"last unit done at {Db(1)} s, published at {Db(2)} s. Requests received per second: " +
                string.Join(' ', requests.GroupBy(r => (int)(r.ReceivedAt - first).TotalSeconds).OrderBy(g => g.Key).Select(g => g.Count()));
        }

        /// <summary>Where a day's time went, from Hangfire's own state records: the enqueue command's span, the median
        /// repository-day job (processing to succeeded), the median gap between one job's end and the next one's start
        /// on the one worker, and the publish job.</summary>
        public async Task<string> BreakdownAsync(string day)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                $"""
                WITH jobs AS (
                    SELECT j.id, j.invocationdata::text LIKE '%PublishDayJob%' AS publish,
                        min(s.createdat) FILTER (WHERE s.name = 'Enqueued') AS enqueued,
                        max(s.createdat) FILTER (WHERE s.name = 'Processing') AS started,
                        max(s.createdat) FILTER (WHERE s.name = 'Succeeded') AS finished
                    FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id
                    WHERE j.arguments::text LIKE '%{day}%'
                    GROUP BY j.id),
                units AS (
                    SELECT started, finished, started - lag(finished) OVER (ORDER BY started) AS gap FROM jobs WHERE NOT publish)
                SELECT
                    extract(epoch FROM (SELECT max(enqueued) - min(enqueued) FROM jobs WHERE NOT publish)) * 1000,
                    extract(epoch FROM (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY finished - started) FROM units)) * 1000,
                    extract(epoch FROM (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) FROM units WHERE gap IS NOT NULL)) * 1000,
                    extract(epoch FROM (SELECT max(finished - started) FROM jobs WHERE publish)) * 1000;
                """, connection);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            await reader.ReadAsync().ConfigureAwait(false);
            string Ms(int i) => reader.IsDBNull(i) ? "?" : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture).ToString("0", CultureInfo.InvariantCulture);
            return $"Where it goes (Hangfire's state times): the enqueue command ran {lastEnqueue.TotalMilliseconds:0} ms (start to exit), " +
                $"creating the {Repositories} jobs in it {Ms(0)} ms; a repository-day job runs {Ms(1)} ms " +
                $"(median, processing → succeeded); between one job's end and the next one's start {Ms(2)} ms (median); the publish job {Ms(3)} ms.";
        }

        private async Task WaitUntilAsync(string sql, long expected)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(Deadline.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                try
                {
                    // One connection for every poll: a new one each time (a PostgreSQL process forked, a SCRAM exchange)
                    // cost the machine more CPU than the polled fleet's own statements, and took it from the fleet.
                    if (watcher is null)
                    {
                        watcher = new NpgsqlConnection(connectionString);
                        await watcher.OpenAsync().ConfigureAwait(false);
                    }
                    await using var command = new NpgsqlCommand(sql, watcher);
                    if (Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture) >= expected)
                    {
                        return;
                    }
                }
                catch (PostgresException e) when (e.SqlState == "42P01")
                {
                    // The tables are not made yet.
                }
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"the fleet did not get there within {Deadline.TotalMinutes:0} min: {sql}");
                }
                await Task.Delay(50).ConfigureAwait(false);
            }
        }

        /// <summary>The CPU seconds spent so far by the fleet's server processes (with the git processes they ran), by
        /// PostgreSQL (every backend of the cluster, this fleet's and the bench's), and by the bench itself.</summary>
        public CpuSpent Cpu(PostgresCluster cluster) => new(
            servers.Sum(s => CpuTime.Of(s.Id)), cluster.ServerProcessId is { } postgres ? CpuTime.Of(postgres) : 0, CpuTime.OfSelf());

        public async ValueTask DisposeAsync()
        {
            foreach (var server in servers)
            {
                if (!server.HasExited)
                {
                    server.Kill(entireProcessTree: true);
                }
                server.Dispose();
            }
            if (watcher is not null)
            {
                await watcher.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>CPU seconds of the server processes (and their git children), of PostgreSQL, and of the bench (the LLM simulator).</summary>
internal readonly record struct CpuSpent(double Servers, double Postgres, double Bench)
{
    public static CpuSpent operator -(CpuSpent after, CpuSpent before) =>
        new(after.Servers - before.Servers, after.Postgres - before.Postgres, after.Bench - before.Bench);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Servers:0.0} / {Postgres:0.0} / {Bench:0.0}");
}

/// <summary>A day's time: from the day queued to published (the database's clock: the enqueue command's own start —
/// a process, its JIT, its connection — left out, as it is the same whatever the fleet), and from the command's start
/// to the bench seeing the day published.</summary>
internal readonly record struct DayTime(TimeSpan Queued, TimeSpan Command);
