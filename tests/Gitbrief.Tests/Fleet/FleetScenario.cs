using System.Globalization;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;
using Npgsql;

namespace Gitbrief.Tests.Fleet;

/// <summary>A fleet under test: generated repositories (every repository-day has <c>commitsPerDay</c> commits), the
/// LLM simulator, a JSON webhook receiver, a fresh database in the run's PostgreSQL cluster, a config every server
/// reads, and the server processes. Polls the fleet's tables with a deadline, never sleeps blindly.</summary>
internal sealed class FleetScenario : IAsyncDisposable
{
    public const string FirstDay = "2026-03-02";

    private readonly PostgresCluster cluster;
    private readonly List<TestRepository> repositories = [];
    private readonly List<FleetServer> servers = [];
    private readonly TempDirectory root = new("gitbrief-fleet");

    private FleetScenario(PostgresCluster cluster, int repositoryCount, int days, int commitsPerDay)
    {
        this.cluster = cluster;
        Days = days;
        CommitsPerDay = commitsPerDay;
        for (var r = 0; r < repositoryCount; r++)
        {
            var repository = TestRepository.Create($"svc{r.ToString("D2", CultureInfo.InvariantCulture)}");
            for (var d = 0; d < days; d++)
            {
                for (var c = 0; c < commitsPerDay; c++)
                {
                    var time = new DateTimeOffset(2026, 3, 2 + d, 9 + c, 0, 0, TimeSpan.FromHours(8));
                    repository.WriteLines($"src/mod{d}/f{c}.py", 5 + c, $"v{r}{d}{c} =")
                        .Commit($"feat: change {c} of day {d} in service {r}", time.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
                }
            }
            repositories.Add(repository);
        }
    }

    public int Days { get; }

    public int CommitsPerDay { get; }

    public int Repositories => repositories.Count;

    public int Units => Repositories * Days;

    public int Commits => Units * CommitsPerDay;

    public string LastDay => DateOnly.ParseExact(FirstDay, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(Days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public ChatSimulator Llm { get; private set; } = null!;

    public WebhookReceiver Chat { get; private set; } = null!;

    public string Database { get; private set; } = "";

    public IReadOnlyList<FleetServer> Servers => servers;

    public string ConfigPath => root.Combine("gitbrief.yaml");

    /// <summary>The server settings of the tests: quick retries, a take-over 10 s after a worker died.</summary>
    public const string QuickServer = "workers: 3\nretries: 2\nretry_delay: 1\npublish_deadline: 900\ninvisibility_timeout: 10";

    public static async Task<FleetScenario> CreateAsync(
        PostgresCluster cluster, int repositories, int days, int commitsPerDay, string llmSettings = "", string dashboard = "bind: \"off\"",
        string server = QuickServer, string extraRepositories = "")
    {
        var scenario = new FleetScenario(cluster, repositories, days, commitsPerDay);
        scenario.Llm = await ChatSimulator.StartAsync();
        scenario.Chat = await WebhookReceiver.StartAsync("json");
        scenario.Database = await cluster.CreateDatabaseAsync("fleet");
        var list = string.Join("\n", scenario.repositories.Select(r => $"  - {r.Path}").Concat(extraRepositories.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => "  - " + r)));
        File.WriteAllText(scenario.ConfigPath,
            $"""
            repositories:
            {list}
            timezone: Asia/Shanghai
            output: {scenario.root.Combine("reports")}
            cache_dir: {scenario.root.Combine("cache")}
            analysis: llm
            llm:
              base_url: {scenario.Llm.BaseUrl}
              model: sim-model
              retry_delay: 0.05
            {Indent(llmSettings)}
            publish:
              - type: webhook
                flavor: json
                url_env: GB_CHAT_URL
            server:
            {Indent(server)}
              dashboard:
            {Indent(Indent(dashboard))}

            """);
        return scenario;
    }

    private static string Indent(string settings) => string.Join("\n", settings.Split('\n').Select(l => "  " + l));

    /// <summary>Variables the servers get beside the store's password, the LLM key and the webhook URL.</summary>
    public Dictionary<string, string> ExtraEnvironment { get; } = [];

    public Dictionary<string, string> Environment => new(ExtraEnvironment)
    {
        ["LLM_API_KEY"] = "sk-sim-fleet",
        ["GB_CHAT_URL"] = Chat.Url,
        ["GITBRIEF_STORE"] = cluster.Url(Database),
        ["GITBRIEF_STORE_PASSWORD"] = cluster.Password,
        ["PGPASSWORD"] = cluster.Password,
    };

    public async Task<FleetServer> StartServerAsync()
    {
        var server = FleetServer.Start(root.Path, Environment, "serve", "--config", ConfigPath);
        servers.Add(server);
        await server.WaitUntilRunningAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    public CliResult Enqueue() => FleetServer.Run(root.Path, Environment, "enqueue", "--config", ConfigPath, "--since", FirstDay, "--until", LastDay);

    public CliResult Status(params string[] arguments) => FleetServer.Run(root.Path, Environment, ["status", "--config", ConfigPath, .. arguments]);

    /// <summary>Waits until every day is published with every unit done (or the deadline passes: the test fails, with
    /// the fleet's status and the servers' output).</summary>
    public async Task WaitUntilPublishedAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var (published, done) = await ProgressAsync();
            if (published == Days && done == Units)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline,
                $"not finished within {within.TotalSeconds:0} s: {done}/{Units} units done, {published}/{Days} days published\n{Status()}\n" +
                string.Join("\n", servers.Select(s => s.Output)));
            await Task.Delay(250);
        }
    }

    /// <summary>Waits until the query counts at least <paramref name="expected"/>.</summary>
    public async Task WaitUntilAsync(string sql, long expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                if (await ScalarAsync(sql) >= expected)
                {
                    return;
                }
            }
            catch (NpgsqlException)
            {
                // The tables are not there yet.
            }
            Assert.True(DateTime.UtcNow < deadline, $"never {expected} within {within.TotalSeconds:0} s: {sql}\n{Status()}\n" + string.Join("\n", servers.Select(s => s.Output)));
            await Task.Delay(250);
        }
    }

    /// <summary>Waits until at least <paramref name="units"/> units are done.</summary>
    public async Task WaitUntilDoneAsync(int units, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while ((await ProgressAsync()).Done < units)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {units} units done within {within.TotalSeconds:0} s\n{Status()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the server is working on a unit (its state is running, its worker that server).</summary>
    public async Task WaitUntilWorkingAsync(FleetServer server, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (await ScalarAsync("SELECT count(*) FROM gitbrief_fleet.units WHERE state = 'running' AND worker = @worker", ("worker", server.WorkerName)) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{server.WorkerName} took no unit within {within.TotalSeconds:0} s\n{Status()}");
            await Task.Delay(50);
        }
    }

    public async Task<(long Published, long Done)> ProgressAsync()
    {
        try
        {
            var published = await ScalarAsync("SELECT count(*) FROM gitbrief_fleet.days d WHERE published_units = (SELECT count(*) FROM gitbrief_fleet.units u WHERE u.day = d.day)");
            var done = await ScalarAsync("SELECT count(*) FROM gitbrief_fleet.units WHERE state = 'done'");
            return (published, done);
        }
        catch (NpgsqlException)
        {
            // The tables are not there yet, or the cluster is restarting.
            return (0, 0);
        }
    }

    /// <summary>How many times each unit was completed (a unit done twice would show 2).</summary>
    public async Task<List<int>> CompletionsAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT completions FROM gitbrief_fleet.units ORDER BY day, repository", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<int>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt32(0));
        }
        return values;
    }

    public async Task<string> ScalarTextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Deletes every repository, as on a machine that never had them: what the fleet does from then on can only
    /// come from the store.</summary>
    public void DeleteRepositories()
    {
        foreach (var repository in repositories)
        {
            repository.Dispose();
        }
    }

    /// <summary>The chat messages by repository-day ("svc00 2026-03-02" → how many times it was posted).</summary>
    public Dictionary<string, int> MessagesByUnit() => Chat.Messages
        .GroupBy(m => $"{m.Json["repository"]!.GetValue<string>()} {m.Json["date"]!.GetValue<string>()}", StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers)
        {
            server.Dispose();
        }
        await Llm.DisposeAsync();
        await Chat.DisposeAsync();
        foreach (var repository in repositories)
        {
            repository.Dispose();
        }
        root.Dispose();
    }
}
