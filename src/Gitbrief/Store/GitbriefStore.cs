using System.Globalization;
using Gitbrief.Analysis.Llm;
using Microsoft.Data.Sqlite;

namespace Gitbrief.Store;

/// <summary>The SQLite store (&lt;cache-dir&gt;/gitbrief.db): run history, the status of every repository-day unit
/// of work, the LLM answers, the publish ledger and the claims (<see cref="IClaimStore"/>). WAL mode with a busy
/// timeout, so several processes can share one file. A fault of the disk under it (full, read-only, I/O error)
/// is an <see cref="Common.EnvironmentException"/> naming the file and what to do.</summary>
public sealed partial class GitbriefStore : IAsyncDisposable, IAnalysisCache
{
    private const int SchemaVersion = 2;
    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim gate = new(1, 1);

    private GitbriefStore(SqliteConnection connection, string path)
    {
        this.connection = connection;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public static async Task<GitbriefStore> OpenAsync(string path, CancellationToken cancellationToken)
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
        var connection = new SqliteConnection(builder.ToString());
        var store = new GitbriefStore(connection, full);
        try
        {
            await store.GuardAsync(async () =>
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await store.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;", cancellationToken).ConfigureAwait(false);
                await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return store;
    }

    /// <summary>Creates or upgrades the tables in one immediate transaction: processes that open a new store at the
    /// same moment migrate it one after the other, and the second finds the work done.</summary>
    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction();
        await ExecuteAsync(
            """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                command TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                exit_code INTEGER);
            CREATE TABLE IF NOT EXISTS work_units (
                repository TEXT NOT NULL,
                day TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                variant TEXT NOT NULL,
                status TEXT NOT NULL,
                commits INTEGER NOT NULL,
                report_hash TEXT,
                error TEXT,
                run_id INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                llm_requests INTEGER, llm_input_tokens INTEGER, llm_output_tokens INTEGER, llm_cache_hits INTEGER,
                llm_retries INTEGER, llm_fallbacks INTEGER, llm_wall_ms INTEGER,
                PRIMARY KEY (repository, day, time_zone, variant));
            CREATE TABLE IF NOT EXISTS analyses (
                repository TEXT NOT NULL,
                subject TEXT NOT NULL,
                model TEXT NOT NULL,
                prompt_version TEXT NOT NULL,
                language TEXT NOT NULL,
                depth TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (repository, subject, model, prompt_version, language, depth));
            CREATE TABLE IF NOT EXISTS publications (
                target TEXT NOT NULL,
                repository TEXT NOT NULL,
                day TEXT NOT NULL,
                report_hash TEXT NOT NULL,
                location TEXT,
                published_at TEXT NOT NULL,
                contents TEXT,
                PRIMARY KEY (target, repository, day));
            CREATE TABLE IF NOT EXISTS claims (
                scope TEXT NOT NULL,
                repository TEXT NOT NULL,
                day TEXT NOT NULL,
                variant TEXT NOT NULL,
                owner TEXT NOT NULL,
                content_hash TEXT,
                claimed_at TEXT NOT NULL,
                lease_until INTEGER NOT NULL,
                PRIMARY KEY (scope, repository, day, variant));
            CREATE INDEX IF NOT EXISTS claims_by_owner ON claims(owner);
            """,
            cancellationToken, transaction).ConfigureAwait(false);
        // Version 2 (a store made by version 1): what a delivery listed, and what a unit's LLM requests cost.
        await AddColumnAsync("publications", "contents", "TEXT", transaction, cancellationToken).ConfigureAwait(false);
        foreach (var column in new[] { "llm_requests", "llm_input_tokens", "llm_output_tokens", "llm_cache_hits", "llm_retries", "llm_fallbacks", "llm_wall_ms" })
        {
            await AddColumnAsync("work_units", column, "INTEGER", transaction, cancellationToken).ConfigureAwait(false);
        }
        await ExecuteAsync(
            $"INSERT INTO meta(key, value) VALUES ('schema_version', '{SchemaVersion.ToString(CultureInfo.InvariantCulture)}') ON CONFLICT(key) DO UPDATE SET value = excluded.value;",
            cancellationToken, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task AddColumnAsync(string table, string column, string type, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var probe = connection.CreateCommand();
        probe.Transaction = transaction;
        probe.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}';";
        if ((long)(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0)
        {
            await ExecuteAsync($"ALTER TABLE {table} ADD COLUMN {column} {type};", cancellationToken, transaction).ConfigureAwait(false);
        }
    }

    public Task<long> StartRunAsync(string command, DateTimeOffset startedAt, CancellationToken cancellationToken) => WithGateAsync(async () =>
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO runs(command, started_at) VALUES ($command, $started); SELECT last_insert_rowid();";
        cmd.Parameters.AddWithValue("$command", command);
        cmd.Parameters.AddWithValue("$started", Format(startedAt));
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    });

    public Task FinishRunAsync(long runId, int exitCode, DateTimeOffset finishedAt, CancellationToken cancellationToken) => WithGateAsync(async () =>
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE runs SET finished_at = $finished, exit_code = $code WHERE id = $id;";
        cmd.Parameters.AddWithValue("$finished", Format(finishedAt));
        cmd.Parameters.AddWithValue("$code", exitCode);
        cmd.Parameters.AddWithValue("$id", runId);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Records the outcome of a unit of work (insert or replace: the unit is idempotent).</summary>
    public Task RecordAsync(WorkUnitRecord record, CancellationToken cancellationToken) => WithGateAsync(async () =>
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            """
            INSERT INTO work_units(repository, day, time_zone, variant, status, commits, report_hash, error, run_id, updated_at,
                llm_requests, llm_input_tokens, llm_output_tokens, llm_cache_hits, llm_retries, llm_fallbacks, llm_wall_ms)
            VALUES ($repo, $day, $tz, $variant, $status, $commits, $hash, $error, $run, $updated,
                $requests, $input, $output, $hits, $retries, $fallbacks, $wall)
            ON CONFLICT(repository, day, time_zone, variant) DO UPDATE SET
                status = excluded.status, commits = excluded.commits, report_hash = excluded.report_hash,
                error = excluded.error, run_id = excluded.run_id, updated_at = excluded.updated_at,
                llm_requests = excluded.llm_requests, llm_input_tokens = excluded.llm_input_tokens,
                llm_output_tokens = excluded.llm_output_tokens, llm_cache_hits = excluded.llm_cache_hits,
                llm_retries = excluded.llm_retries, llm_fallbacks = excluded.llm_fallbacks, llm_wall_ms = excluded.llm_wall_ms;
            """;
        Bind(cmd, record.Key);
        cmd.Parameters.AddWithValue("$status", record.Status == WorkUnitStatus.Done ? "done" : "failed");
        cmd.Parameters.AddWithValue("$commits", record.Commits);
        cmd.Parameters.AddWithValue("$hash", (object?)record.ReportHash ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$error", (object?)record.Error ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$run", record.RunId);
        cmd.Parameters.AddWithValue("$updated", Format(record.UpdatedAt));
        var usage = record.LlmUsage;
        cmd.Parameters.AddWithValue("$requests", (object?)usage?.Requests ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$input", (object?)usage?.InputTokens ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$output", (object?)usage?.OutputTokens ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$hits", (object?)usage?.CacheHits ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$retries", (object?)usage?.Retries ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$fallbacks", (object?)usage?.Fallbacks ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$wall", record.LlmWallTime is { } wall ? (long)wall.TotalMilliseconds : DBNull.Value);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    });

    public Task<WorkUnitRecord?> FindAsync(WorkUnitKey key, CancellationToken cancellationToken) => WithGateAsync(async () =>
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            """
            SELECT status, commits, report_hash, error, run_id, updated_at,
                llm_requests, llm_input_tokens, llm_output_tokens, llm_cache_hits, llm_retries, llm_fallbacks, llm_wall_ms
            FROM work_units WHERE repository = $repo AND day = $day AND time_zone = $tz AND variant = $variant;
            """;
        Bind(cmd, key);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new WorkUnitRecord(
            key,
            reader.GetString(0) == "done" ? WorkUnitStatus.Done : WorkUnitStatus.Failed,
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetInt64(4),
            DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture))
        {
            LlmUsage = reader.IsDBNull(6)
                ? null
                : new LlmUsage(reader.GetInt32(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11)),
            LlmWallTime = reader.IsDBNull(12) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(12)),
        };
    });

    /// <summary>A cached LLM answer (its validated JSON), or null.</summary>
    Task<string?> IAnalysisCache.FindAnalysisAsync(AnalysisKey key, CancellationToken cancellationToken) => WithGateAsync(async () =>
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            """
            SELECT payload FROM analyses WHERE repository = $repo AND subject = $subject AND model = $model
            AND prompt_version = $prompt AND language = $lang AND depth = $depth;
            """;
        Bind(cmd, key);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    });

    /// <summary>Stores an LLM answer at once (its own transaction), so a killed run keeps every answer it received.</summary>
    Task IAnalysisCache.SaveAnalysisAsync(AnalysisKey key, string payload, CancellationToken cancellationToken) => WithGateAsync(async () =>
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            """
            INSERT OR REPLACE INTO analyses(repository, subject, model, prompt_version, language, depth, payload, created_at)
            VALUES ($repo, $subject, $model, $prompt, $lang, $depth, $payload, $created);
            """;
        Bind(cmd, key);
        cmd.Parameters.AddWithValue("$payload", payload);
        cmd.Parameters.AddWithValue("$created", Format(DateTimeOffset.UtcNow));
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    });

    public Task<Publication?> FindPublicationAsync(string target, string repository, DateOnly day, CancellationToken cancellationToken) => WithGateAsync(async () =>
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT report_hash, location, published_at, contents FROM publications WHERE target = $target AND repository = $repo AND day = $day;";
        cmd.Parameters.AddWithValue("$target", target);
        cmd.Parameters.AddWithValue("$repo", repository);
        cmd.Parameters.AddWithValue("$day", Day(day));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new Publication(target, repository, day, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
            DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture))
        {
            Contents = reader.IsDBNull(3) ? null : reader.GetString(3),
        };
    });

    /// <summary>Records a delivery at once (its own transaction): a crash after it never delivers it twice.</summary>
    public Task RecordPublicationAsync(Publication publication, CancellationToken cancellationToken) => WithGateAsync(async () =>
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            """
            INSERT INTO publications(target, repository, day, report_hash, location, published_at, contents)
            VALUES ($target, $repo, $day, $hash, $location, $at, $contents)
            ON CONFLICT(target, repository, day) DO UPDATE SET
                report_hash = excluded.report_hash, location = excluded.location, published_at = excluded.published_at,
                contents = excluded.contents;
            """;
        cmd.Parameters.AddWithValue("$target", publication.Target);
        cmd.Parameters.AddWithValue("$repo", publication.Repository);
        cmd.Parameters.AddWithValue("$day", Day(publication.Day));
        cmd.Parameters.AddWithValue("$hash", publication.Hash);
        cmd.Parameters.AddWithValue("$location", (object?)publication.Location ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$at", Format(publication.PublishedAt));
        cmd.Parameters.AddWithValue("$contents", (object?)publication.Contents ?? DBNull.Value);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    });

    private static void Bind(SqliteCommand cmd, AnalysisKey key)
    {
        cmd.Parameters.AddWithValue("$repo", key.Repository);
        cmd.Parameters.AddWithValue("$subject", key.Subject);
        cmd.Parameters.AddWithValue("$model", key.Model);
        cmd.Parameters.AddWithValue("$prompt", key.PromptVersion);
        cmd.Parameters.AddWithValue("$lang", key.Language);
        cmd.Parameters.AddWithValue("$depth", key.Depth);
    }

    private static void Bind(SqliteCommand cmd, WorkUnitKey key)
    {
        cmd.Parameters.AddWithValue("$repo", key.Repository);
        cmd.Parameters.AddWithValue("$day", Day(key.Day));
        cmd.Parameters.AddWithValue("$tz", key.TimeZone);
        cmd.Parameters.AddWithValue("$variant", key.Variant);
    }

    /// <summary>One operation at a time on the connection (it is shared by the run's tasks), its faults translated.</summary>
    private async Task<T> WithGateAsync<T>(Func<Task<T>> operation)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return await GuardAsync(operation).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (StoreFaults.IsEnvironmental(e))
        {
            throw StoreFaults.From(e, Path);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }
}
