using Gitbrief.Analysis.Llm;
using Gitbrief.Common;
using Gitbrief.Store;
using Gitbrief.Tests.Support;
using Npgsql;

namespace Gitbrief.Tests.Store;

/// <summary>What only the PostgreSQL store has to do: migrate a database once however many servers open it at the same
/// moment, carry on after the server restarted, never show the password, and take a SQLite store's contents with
/// <c>store migrate</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresCluster cluster) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 2, 23);
    private readonly TempDirectory directory = new("gitbrief-pgstore");

    public void Dispose() => directory.Dispose();

    private string? Password(string name) => name == "PGPASSWORD" ? cluster.Password : null;

    private async Task<IGitbriefStore> OpenAsync(string database) =>
        await StoreFactory.OpenAsync(StoreLocation.Parse(cluster.Url(database)), CancellationToken.None, Password);

    private async Task<T> QueryAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Opening_a_migrated_database_again_changes_nothing()
    {
        var database = await cluster.CreateDatabaseAsync("again");
        for (var i = 0; i < 3; i++)
        {
            await using var store = await OpenAsync(database);
            await store.RecordAsync(new WorkUnitRecord(new WorkUnitKey($"r{i}", Day, "UTC", "v"), WorkUnitStatus.Done, 1, "h", null, 1, T0), CancellationToken.None);
        }

        Assert.Equal(1L, await QueryAsync<long>(database, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal((long)PostgresStore.SchemaVersion, await QueryAsync<long>(database, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(3L, await QueryAsync<long>(database, "SELECT COUNT(*) FROM work_units"));
    }

    [Fact]
    public async Task Servers_opening_a_new_database_at_the_same_moment_migrate_it_once_and_all_work()
    {
        var database = await cluster.CreateDatabaseAsync("together");

        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => OpenAsync(database))));
        try
        {
            await Task.WhenAll(stores.Select((s, i) => s.SaveAnalysisAsync(new AnalysisKey("r", $"sha{i}", "m", "p", "zh", "full"), "{}", CancellationToken.None)));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }

        Assert.Equal(1L, await QueryAsync<long>(database, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(6L, await QueryAsync<long>(database, "SELECT COUNT(*) FROM analyses"));
    }

    [Fact]
    public async Task After_the_server_restarts_the_store_reconnects_and_carries_on()
    {
        var database = await cluster.CreateDatabaseAsync("restart");
        await using var store = await OpenAsync(database);
        var key = new AnalysisKey("r", "before", "m", "p", "zh", "full");
        await store.SaveAnalysisAsync(key, "{\"kept\":true}", CancellationToken.None);

        await cluster.RestartAsync();

        // The pool's connections were cut: the next operations get new ones.
        Assert.Equal("{\"kept\":true}", await store.FindAnalysisAsync(key, CancellationToken.None));
        await store.SaveAnalysisAsync(key with { Subject = "after" }, "{}", CancellationToken.None);
        Assert.Equal(2L, await QueryAsync<long>(database, "SELECT COUNT(*) FROM analyses"));
    }

    [Fact]
    public async Task A_wrong_password_is_a_clear_error_that_shows_neither_password()
    {
        var database = await cluster.CreateDatabaseAsync("secret");
        const string wrong = "wrong-pass-7781";

        var error = await Assert.ThrowsAsync<EnvironmentException>(() =>
            StoreFactory.OpenAsync(StoreLocation.Parse(cluster.Url(database)), CancellationToken.None, n => n == "GITBRIEF_STORE_PASSWORD" ? wrong : null));

        Assert.Contains("refused the login", error.Message, StringComparison.Ordinal);
        Assert.Contains("GITBRIEF_STORE_PASSWORD", error.Message, StringComparison.Ordinal);
        Assert.Contains(cluster.Url(database), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_named_without_the_password()
    {
        var closed = UnusedPortUrl("nowhere");

        var error = await Assert.ThrowsAsync<EnvironmentException>(() => StoreFactory.OpenAsync(StoreLocation.Parse(closed), CancellationToken.None, Password));

        Assert.Contains("cannot connect", error.Message, StringComparison.Ordinal);
        Assert.Contains(closed, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_migrate_copies_a_sqlite_store_once_and_leaves_the_claims_behind()
    {
        var sqlite = directory.Combine("gitbrief.db");
        var unit = new WorkUnitKey("acme/widgets", Day, "UTC", "v");
        await using (var source = await SqliteStore.OpenAsync(sqlite, CancellationToken.None))
        {
            var run = await source.StartRunAsync("run", T0, CancellationToken.None);
            await source.FinishRunAsync(run, 0, T0.AddMinutes(2), CancellationToken.None);
            await source.RecordAsync(new WorkUnitRecord(unit, WorkUnitStatus.Done, 4, "h", null, run, T0) { LlmUsage = new LlmUsage(4, 100, 20, 0, 0, 0) }, CancellationToken.None);
            await source.RecordAsync(new WorkUnitRecord(unit with { Day = Day.AddDays(1) }, WorkUnitStatus.Failed, 0, null, "bad object", run, T0), CancellationToken.None);
            for (var i = 0; i < 3; i++)
            {
                await source.SaveAnalysisAsync(new AnalysisKey("acme/widgets", $"sha{i}", "m", "p", "zh", "full"), $"{{\"n\":{i}}}", CancellationToken.None);
            }
            await source.RecordPublicationAsync(new Publication("webhook:chat", "acme/widgets", Day, "h", "m1", T0), CancellationToken.None);
            await source.SaveReportAsync(new StoredReport(unit, "md", "zh", "2026/widgets/2026-02-23.md", "# 报告\n"u8.ToArray(), "h", run, T0), CancellationToken.None);
            await source.TryClaimAsync([new ClaimRequest(ClaimKey.Work(unit))], "pid 1 on old-host", T0, TimeSpan.FromHours(1), CancellationToken.None);
        }
        var database = await cluster.CreateDatabaseAsync("migrate");
        var target = StoreLocation.Parse(cluster.Url(database));

        var first = await StoreMigration.CopyAsync(StoreLocation.Sqlite(sqlite), target, CancellationToken.None, Password);
        var second = await StoreMigration.CopyAsync(StoreLocation.Sqlite(sqlite), target, CancellationToken.None, Password);

        Assert.Equal(["runs 1/1", "work_units 2/2", "analyses 3/3", "publications 1/1", "reports 1/1"], first.Select(c => $"{c.Table} {c.Copied}/{c.Read}"));
        Assert.All(second, c => Assert.Equal(0, c.Copied));
        Assert.All(second, c => Assert.Equal(c.Read, c.AlreadyThere));
        await using var copied = await OpenAsync(database);
        var unitCopied = await copied.FindAsync(unit, CancellationToken.None);
        Assert.Equal(new LlmUsage(4, 100, 20, 0, 0, 0), unitCopied!.LlmUsage);
        var report = await copied.FindReportAsync(unit, "md", CancellationToken.None);
        Assert.Equal("# 报告\n", report!.Text);
        // The units and reports point at the run as the target numbered it.
        Assert.Equal(unitCopied.RunId, report.RunId);
        Assert.Equal(unitCopied.RunId, await QueryAsync<long>(database, "SELECT id FROM runs WHERE command = 'run'"));
        Assert.Equal("{\"n\":2}", await copied.FindAnalysisAsync(new AnalysisKey("acme/widgets", "sha2", "m", "p", "zh", "full"), CancellationToken.None));
        Assert.Equal("m1", (await copied.FindPublicationAsync("webhook:chat", "acme/widgets", Day, CancellationToken.None))!.Location);
        Assert.Equal(0L, await QueryAsync<long>(database, "SELECT COUNT(*) FROM claims"));
    }

    /// <summary>A URL on a loopback port nothing listens on.</summary>
    private string UnusedPortUrl(string database)
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"postgresql://{PostgresCluster.User}@{cluster.Host}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{database}";
    }
}
