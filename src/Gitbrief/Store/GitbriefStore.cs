using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Gitbrief.Store;

/// <summary>The SQLite store (&lt;cache-dir&gt;/gitbrief.db): run history and the status of every
/// repository-day unit of work. WAL mode with a busy timeout, so several processes can share one file.</summary>
public sealed class GitbriefStore : IAsyncDisposable
{
    private const int SchemaVersion = 1;
    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim gate = new(1, 1);

    private GitbriefStore(SqliteConnection connection) => this.connection = connection;

    public static async Task<GitbriefStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var store = new GitbriefStore(connection);
        await store.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;", cancellationToken).ConfigureAwait(false);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
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
                PRIMARY KEY (target, repository, day));
            """,
            cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            $"INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '{SchemaVersion.ToString(CultureInfo.InvariantCulture)}');",
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> StartRunAsync(string command, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO runs(command, started_at) VALUES ($command, $started); SELECT last_insert_rowid();";
        cmd.Parameters.AddWithValue("$command", command);
        cmd.Parameters.AddWithValue("$started", Format(startedAt));
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task FinishRunAsync(long runId, int exitCode, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE runs SET finished_at = $finished, exit_code = $code WHERE id = $id;";
        cmd.Parameters.AddWithValue("$finished", Format(finishedAt));
        cmd.Parameters.AddWithValue("$code", exitCode);
        cmd.Parameters.AddWithValue("$id", runId);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the outcome of a unit of work (insert or replace: the unit is idempotent).</summary>
    public async Task RecordAsync(WorkUnitRecord record, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RecordUnlockedAsync(record, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RecordUnlockedAsync(WorkUnitRecord record, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            """
            INSERT INTO work_units(repository, day, time_zone, variant, status, commits, report_hash, error, run_id, updated_at)
            VALUES ($repo, $day, $tz, $variant, $status, $commits, $hash, $error, $run, $updated)
            ON CONFLICT(repository, day, time_zone, variant) DO UPDATE SET
                status = excluded.status, commits = excluded.commits, report_hash = excluded.report_hash,
                error = excluded.error, run_id = excluded.run_id, updated_at = excluded.updated_at;
            """;
        cmd.Parameters.AddWithValue("$repo", record.Key.Repository);
        cmd.Parameters.AddWithValue("$day", record.Key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$tz", record.Key.TimeZone);
        cmd.Parameters.AddWithValue("$variant", record.Key.Variant);
        cmd.Parameters.AddWithValue("$status", record.Status == WorkUnitStatus.Done ? "done" : "failed");
        cmd.Parameters.AddWithValue("$commits", record.Commits);
        cmd.Parameters.AddWithValue("$hash", (object?)record.ReportHash ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$error", (object?)record.Error ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$run", record.RunId);
        cmd.Parameters.AddWithValue("$updated", Format(record.UpdatedAt));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkUnitRecord?> FindAsync(WorkUnitKey key, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            """
            SELECT status, commits, report_hash, error, run_id, updated_at FROM work_units
            WHERE repository = $repo AND day = $day AND time_zone = $tz AND variant = $variant;
            """;
        cmd.Parameters.AddWithValue("$repo", key.Repository);
        cmd.Parameters.AddWithValue("$day", key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$tz", key.TimeZone);
        cmd.Parameters.AddWithValue("$variant", key.Variant);
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
            DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture));
    }

    /// <summary>A cached LLM answer (its validated JSON), or null.</summary>
    public async Task<string?> FindAnalysisAsync(AnalysisKey key, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText =
                """
                SELECT payload FROM analyses WHERE repository = $repo AND subject = $subject AND model = $model
                AND prompt_version = $prompt AND language = $lang AND depth = $depth;
                """;
            Bind(cmd, key);
            return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stores an LLM answer at once (its own transaction), so a killed run keeps every answer it received.</summary>
    public async Task SaveAnalysisAsync(AnalysisKey key, string payload, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
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
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<Publication?> FindPublicationAsync(string target, string repository, DateOnly day, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT report_hash, location, published_at FROM publications WHERE target = $target AND repository = $repo AND day = $day;";
            cmd.Parameters.AddWithValue("$target", target);
            cmd.Parameters.AddWithValue("$repo", repository);
            cmd.Parameters.AddWithValue("$day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
            return new Publication(target, repository, day, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Records a delivery at once (its own transaction): a crash after it never delivers it twice.</summary>
    public async Task RecordPublicationAsync(Publication publication, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText =
                """
                INSERT INTO publications(target, repository, day, report_hash, location, published_at)
                VALUES ($target, $repo, $day, $hash, $location, $at)
                ON CONFLICT(target, repository, day) DO UPDATE SET
                    report_hash = excluded.report_hash, location = excluded.location, published_at = excluded.published_at;
                """;
            cmd.Parameters.AddWithValue("$target", publication.Target);
            cmd.Parameters.AddWithValue("$repo", publication.Repository);
            cmd.Parameters.AddWithValue("$day", publication.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$hash", publication.Hash);
            cmd.Parameters.AddWithValue("$location", (object?)publication.Location ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$at", Format(publication.PublishedAt));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static void Bind(SqliteCommand cmd, AnalysisKey key)
    {
        cmd.Parameters.AddWithValue("$repo", key.Repository);
        cmd.Parameters.AddWithValue("$subject", key.Subject);
        cmd.Parameters.AddWithValue("$model", key.Model);
        cmd.Parameters.AddWithValue("$prompt", key.PromptVersion);
        cmd.Parameters.AddWithValue("$lang", key.Language);
        cmd.Parameters.AddWithValue("$depth", key.Depth);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }
}
