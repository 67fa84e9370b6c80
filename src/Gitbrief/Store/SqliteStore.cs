using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Gitbrief.Store;

/// <summary>The SQLite store (&lt;cache-dir&gt;/gitbrief.db), the default for one machine. WAL mode with a busy timeout,
/// so several processes can share one file; one connection, taken by one operation at a time. A fault of the disk
/// under it (full, read-only, I/O error) is an <see cref="Common.EnvironmentException"/> naming the file and what to do.</summary>
internal sealed class SqliteStore : SqlStore
{
    private const int SchemaVersion = 3;
    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim gate = new(1, 1);

    private SqliteStore(SqliteConnection connection, string path)
    {
        this.connection = connection;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public override string Description => Path;

    /// <summary>A blob cast to text keeps its bytes (the database is UTF-8) and stores them as text.</summary>
    protected override string TextFromUtf8(string parameter) => $"CAST({parameter} AS TEXT)";

    public static async Task<SqliteStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreFaults.From(e, full);
        }
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, DefaultTimeout = 30 };
        var store = new SqliteStore(new SqliteConnection(builder.ToString()), full);
        try
        {
            await store.RunAsync(async (connection, ct) =>
            {
                await connection.OpenAsync(ct).ConfigureAwait(false);
                KeepWriteAheadLogOnClose((SqliteConnection)connection);
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;", ct).ConfigureAwait(false);
                if (!await IsCurrentAsync(connection, ct).ConfigureAwait(false))
                {
                    await MigrateAsync(connection, ct).ConfigureAwait(false);
                }
                return 0;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return store;
    }

    /// <summary>Closing the last connection does not checkpoint the write-ahead log into the database file (two fsyncs,
    /// then deleting the log, whose next first write costs a third): the log stays beside <c>gitbrief.db</c> and the
    /// next process reads it as it is; SQLite folds it into the file every 1000 pages as it is written. What is
    /// committed is safe either way (WAL with synchronous=NORMAL), and a short run no longer waits for the disk.</summary>
    private static void KeepWriteAheadLogOnClose(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_db_config(connection.Handle, SQLitePCL.raw.SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, out _);

    /// <summary>Whether the store already has this version's tables: most runs open a store made by an earlier one, and
    /// then only read two rows instead of writing a migration.</summary>
    private static async Task<bool> IsCurrentAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var hasMeta = Command(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta';");
        if ((long)(await hasMeta.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0)
        {
            return false;
        }
        await using var version = Command(connection, null, "SELECT value FROM meta WHERE key = 'schema_version';");
        return await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string == SchemaVersion.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Creates or upgrades the tables in one immediate transaction: processes that open a new store at the
    /// same moment migrate it one after the other, and the second finds the work done. The version is in
    /// <c>meta(schema_version)</c>.</summary>
    private static async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction,
            """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                command TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                exit_code INTEGER);
            """ + SharedSchema,
            cancellationToken).ConfigureAwait(false);
        // Version 2 (a store made by version 1): what a delivery listed, and what a unit's LLM requests cost.
        // Version 3: the reports table (created above when missing).
        await AddColumnAsync(connection, transaction, "publications", "contents", "TEXT", cancellationToken).ConfigureAwait(false);
        foreach (var column in new[] { "llm_requests", "llm_input_tokens", "llm_output_tokens", "llm_cache_hits", "llm_retries", "llm_fallbacks", "llm_wall_ms" })
        {
            await AddColumnAsync(connection, transaction, "work_units", column, "INTEGER", cancellationToken).ConfigureAwait(false);
        }
        await ExecuteAsync(connection, transaction,
            $"INSERT INTO meta(key, value) VALUES ('schema_version', '{SchemaVersion.ToString(CultureInfo.InvariantCulture)}') ON CONFLICT(key) DO UPDATE SET value = excluded.value;",
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task AddColumnAsync(DbConnection connection, DbTransaction transaction, string table, string column, string type, CancellationToken cancellationToken)
    {
        await using var probe = Command(connection, transaction, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}';");
        if ((long)(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0)
        {
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {table} ADD COLUMN {column} {type};", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, transaction, sql);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One operation at a time on the connection (it is shared by the run's tasks), its faults translated.</summary>
    protected override async Task RunOnConnectionAsync(Func<DbConnection, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await operation(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StoreFaults.IsEnvironmental(e))
        {
            throw StoreFaults.From(e, Path);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }
}
