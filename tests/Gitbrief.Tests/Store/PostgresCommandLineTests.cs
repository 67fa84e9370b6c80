using System.Globalization;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;
using Npgsql;

namespace Gitbrief.Tests.Store;

/// <summary>The command line on a PostgreSQL store: <c>store:</c> in gitbrief.yaml or GITBRIEF_STORE, the password from
/// the environment only (a URL holding one is a config error that does not repeat it), two <c>gitbrief run</c>s at
/// once delivering every message once, and <c>gitbrief store migrate</c> from the SQLite store of earlier runs.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCommandLineTests(PostgresCluster cluster) : IDisposable
{
    private const string First = "2026-01-10";
    private const string Last = "2026-01-13";
    private const int Days = 4;
    private const int CommitsPerDay = DoubledSchedule.CommitsPerDay;
    private const string UrlPassword = "in-the-url-5150";

    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repository = TestRepository.Create("shared");

    public void Dispose()
    {
        workspace.Dispose();
        repository.Dispose();
    }

    private async Task<long> CountAsync(string database, string table)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Two_runs_at_once_on_postgresql_deliver_every_message_once_ask_the_llm_once_and_keep_the_reports_there()
    {
        DoubledSchedule.CommitDays(repository, Days);
        var database = await cluster.CreateDatabaseAsync("e2e");
        await using var llm = await ChatSimulator.StartAsync();
        llm.Latency = DoubledSchedule.LlmLatency;
        await using var chat = await WebhookReceiver.StartAsync("json");
        workspace.WriteFile("gitbrief.yaml", DoubledSchedule.Config(repository.Path, llm.BaseUrl, store: cluster.Url(database)));
        var environment = new Dictionary<string, string> { ["LLM_API_KEY"] = "sk-sim-pg", ["GB_CHAT_URL"] = chat.Url, ["PGPASSWORD"] = cluster.Password };

        var runs = await DoubledSchedule.RunTwiceAsync(workspace, environment, First, Last);

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Equal(Days, chat.Requests);
        Assert.Equal(Days, chat.Messages.Select(m => m.Json["date"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(Days * CommitsPerDay, llm.Requests.Count);
        Assert.Equal(1, runs.Count(r => r.Stderr.Contains($"publish webhook:json: {Days} delivered", StringComparison.Ordinal)));
        // Everything went to PostgreSQL: the reports (Markdown and JSON per day), the units, the ledger; no SQLite file.
        Assert.Equal(Days * 2L, await CountAsync(database, "reports"));
        Assert.Equal((long)Days, await CountAsync(database, "work_units"));
        Assert.Equal(Days * 2L, await CountAsync(database, "publications"));
        Assert.Equal(0L, await CountAsync(database, "claims"));
        Assert.False(File.Exists(Path.Combine(workspace.Cache, "gitbrief.db")), "a SQLite store was made beside the PostgreSQL one");
        Assert.All(runs, r => Assert.DoesNotContain(cluster.Password, r.Stdout + r.Stderr, StringComparison.Ordinal));
    }

    [Fact]
    public void A_password_in_the_store_url_of_the_config_is_a_config_error_that_does_not_repeat_it()
    {
        workspace.WriteFile("gitbrief.yaml",
            $"""
            timezone: UTC
            store: postgresql://gitbrief:{UrlPassword}@{cluster.Host}:{cluster.Port.ToString(CultureInfo.InvariantCulture)}/db
            """);

        var result = workspace.Cli("report", "--repo", repository.Path, "--date", First);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("gitbrief.yaml:2: the store URL holds a password", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("GITBRIEF_STORE_PASSWORD", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(UrlPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_in_gitbrief_store_is_refused_the_same_way()
    {
        var environment = new Dictionary<string, string> { ["GITBRIEF_STORE"] = $"postgres://gitbrief:{UrlPassword}@{cluster.Host}/db" };

        var result = workspace.Cli(environment, "report", "--repo", repository.Path, "--date", First);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("GITBRIEF_STORE: the store URL holds a password", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(UrlPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_from_the_environment_fails_the_run_without_showing_it()
    {
        DoubledSchedule.CommitDays(repository, Days);
        var database = await cluster.CreateDatabaseAsync("wrong");
        const string wrong = "not-the-password-9931";
        var environment = new Dictionary<string, string> { ["GITBRIEF_STORE"] = cluster.Url(database), ["GITBRIEF_STORE_PASSWORD"] = wrong };

        var result = workspace.Cli(environment, "--debug", "report", "--repo", repository.Path, "--date", First);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"the PostgreSQL store {cluster.Url(database)}: the server refused the login", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_migrate_copies_the_sqlite_store_of_earlier_runs_and_copies_nothing_the_second_time()
    {
        DoubledSchedule.CommitDays(repository, Days);
        var earlier = workspace.Cli("report", "--repo", repository.Path, "--since", First, "--until", Last);
        Assert.True(earlier.ExitCode == 0, earlier.ToString());
        var database = await cluster.CreateDatabaseAsync("cli_migrate");
        var environment = new Dictionary<string, string> { ["PGPASSWORD"] = cluster.Password };
        var sqlite = Path.Combine(workspace.Cache, "gitbrief.db");

        var first = CliRunner.Run(workspace.Root, environment, "store", "migrate", "--from", sqlite, "--to", cluster.Url(database));
        var second = CliRunner.Run(workspace.Root, environment, "store", "migrate", "--from", sqlite, "--to", cluster.Url(database));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(@"(?m)^runs +1 copied +0 already there$", first.Stdout);
        Assert.Matches($@"(?m)^work_units +{Days} copied +0 already there$", first.Stdout);
        Assert.Matches($@"(?m)^reports +{Days * 2} copied +0 already there$", first.Stdout);
        Assert.Matches($@"(?m)^work_units +0 copied +{Days} already there$", second.Stdout);
        Assert.Matches($@"(?m)^reports +0 copied +{Days * 2} already there$", second.Stdout);
        Assert.Equal((long)Days, await CountAsync(database, "work_units"));
        Assert.Equal(Days * 2L, await CountAsync(database, "reports"));
    }

    [Fact]
    public void Store_migrate_from_a_file_that_is_not_there_is_a_usage_error_and_creates_nothing()
    {
        var missing = Path.Combine(workspace.Root, "nothing-here.db");

        var result = CliRunner.Run(workspace.Root, "store", "migrate", "--from", missing, "--to", cluster.Url("postgres"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--from: " + missing + ": no such store file", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
}
