using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Gitbrief.Analysis.Llm;

namespace Gitbrief.Store;

/// <summary>What SQLite and PostgreSQL share: the same tables with the same columns (days and instants as ISO text,
/// numbers as 64-bit integers) and the same statements (<c>@name</c> parameters, <c>INSERT … ON CONFLICT … DO UPDATE</c>,
/// <c>RETURNING</c>), so both stores behave alike by construction. A subclass says how a connection is had
/// (<see cref="RunOnConnectionAsync"/>: one shared SQLite connection taken in turn, or a pooled PostgreSQL one) and how its
/// faults read, and creates the tables.</summary>
internal abstract partial class SqlStore : IGitbriefStore
{
    /// <summary>The tables <c>gitbrief store migrate</c> copies, in that order (the claims are live state, not copied).</summary>
    internal static readonly IReadOnlyList<StoreTable> CopiedTables =
    [
        new("work_units", ["repository", "day", "time_zone", "variant"],
            ["status", "commits", "report_hash", "error", "run_id", "updated_at", "llm_requests", "llm_input_tokens", "llm_output_tokens",
             "llm_cache_hits", "llm_retries", "llm_fallbacks", "llm_wall_ms"]),
        new("analyses", ["repository", "subject", "model", "prompt_version", "language", "depth"], ["payload", "created_at"]),
        new("publications", ["target", "repository", "day"], ["report_hash", "location", "published_at", "contents"]),
        new("reports", ["repository", "day", "time_zone", "variant", "format"], ["language", "path", "content", "hash", "run_id", "updated_at"]),
    ];

    /// <summary>The tables both stores create the same way (every table but <c>runs</c>, whose id each numbers its own way):
    /// text and 64-bit integers only (BIGINT is an integer column to SQLite as well). A later change of layout is a new
    /// migration step in each store, never an edit of this text.</summary>
    protected const string SharedSchema =
        """
        CREATE TABLE IF NOT EXISTS work_units (
            repository TEXT NOT NULL,
            day TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            variant TEXT NOT NULL,
            status TEXT NOT NULL,
            commits BIGINT NOT NULL,
            report_hash TEXT,
            error TEXT,
            run_id BIGINT NOT NULL,
            updated_at TEXT NOT NULL,
            llm_requests BIGINT, llm_input_tokens BIGINT, llm_output_tokens BIGINT, llm_cache_hits BIGINT,
            llm_retries BIGINT, llm_fallbacks BIGINT, llm_wall_ms BIGINT,
            PRIMARY KEY (repository, day, time_zone, variant));
        CREATE INDEX IF NOT EXISTS work_units_by_day ON work_units(day);
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
            lease_until BIGINT NOT NULL,
            PRIMARY KEY (scope, repository, day, variant));
        CREATE INDEX IF NOT EXISTS claims_by_owner ON claims(owner);
        CREATE TABLE IF NOT EXISTS reports (
            repository TEXT NOT NULL,
            day TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            variant TEXT NOT NULL,
            format TEXT NOT NULL,
            language TEXT NOT NULL,
            path TEXT NOT NULL,
            content TEXT NOT NULL,
            hash TEXT NOT NULL,
            run_id BIGINT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (repository, day, time_zone, variant, format));
        CREATE INDEX IF NOT EXISTS reports_by_day ON reports(day);
        """;

    public abstract string Description { get; }

    /// <summary>Runs one operation on a connection, its faults translated into <see cref="Common.EnvironmentException"/>, and
    /// returns what it returned.</summary>
    protected async Task<T> RunAsync<T>(Func<DbConnection, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        T result = default!;
        await RunOnConnectionAsync(async (connection, ct) => result = await operation(connection, ct).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        return result;
    }

    /// <summary>What <see cref="RunAsync{T}"/> asks of each store: one operation on a connection, its faults translated (it may
    /// run it again after a transient fault). Not generic: the native build resolves a generic virtual method at run time, by
    /// its type loader, the first time each result type is asked for (the run, the claim, the completion: ~2% of a day
    /// without commits).</summary>
    protected abstract Task RunOnConnectionAsync(Func<DbConnection, CancellationToken, Task> operation, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    public Task<long> StartRunAsync(string command, DateTimeOffset startedAt, CancellationToken cancellationToken) => RunAsync(async (connection, ct) =>
    {
        await using var cmd = Command(connection, "INSERT INTO runs(command, started_at) VALUES (@command, @started) RETURNING id;",
            ("command", command), ("started", Format(startedAt)));
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }, cancellationToken);

    public Task FinishRunAsync(long runId, int exitCode, DateTimeOffset finishedAt, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE runs SET finished_at = @finished, exit_code = @code WHERE id = @id;", cancellationToken,
            ("finished", Format(finishedAt)), ("code", (long)exitCode), ("id", runId));

    public Task RecordAsync(WorkUnitRecord record, CancellationToken cancellationToken) =>
        ExecuteAsync(RecordSql, cancellationToken, RecordParameters(record));

    /// <summary>A finished unit in one transaction: its reports kept, its outcome recorded and its claim released, so that
    /// a run killed at any moment has either all of a day or none of it (and a run over many days commits once a day,
    /// not once a statement).</summary>
    public Task CompleteAsync(UnitCompletion completion, CancellationToken cancellationToken) => RunAsync(async (connection, ct) =>
    {
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        foreach (var report in completion.Reports)
        {
            await ExecuteInAsync(connection, transaction, SaveReportSql, ReportParameters(report), ct).ConfigureAwait(false);
        }
        if (completion.Written is { } written)
        {
            await written.ConfigureAwait(false);
        }
        await ExecuteInAsync(connection, transaction, RecordSql, RecordParameters(completion.Record), ct).ConfigureAwait(false);
        if (completion.Claim is { } claim)
        {
            await ExecuteInAsync(connection, transaction, ReleaseSql, ReleaseParameters(claim, completion.Owner!), ct).ConfigureAwait(false);
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return 0;
    }, cancellationToken);

    private const string RecordSql =
        """
        INSERT INTO work_units(repository, day, time_zone, variant, status, commits, report_hash, error, run_id, updated_at,
            llm_requests, llm_input_tokens, llm_output_tokens, llm_cache_hits, llm_retries, llm_fallbacks, llm_wall_ms)
        VALUES (@repo, @day, @tz, @variant, @status, @commits, @hash, @error, @run, @updated,
            @requests, @input, @output, @hits, @retries, @fallbacks, @wall)
        ON CONFLICT(repository, day, time_zone, variant) DO UPDATE SET
            status = excluded.status, commits = excluded.commits, report_hash = excluded.report_hash,
            error = excluded.error, run_id = excluded.run_id, updated_at = excluded.updated_at,
            llm_requests = excluded.llm_requests, llm_input_tokens = excluded.llm_input_tokens,
            llm_output_tokens = excluded.llm_output_tokens, llm_cache_hits = excluded.llm_cache_hits,
            llm_retries = excluded.llm_retries, llm_fallbacks = excluded.llm_fallbacks, llm_wall_ms = excluded.llm_wall_ms;
        """;

    private static (string, object?)[] RecordParameters(WorkUnitRecord record)
    {
        var usage = record.LlmUsage;
        return
        [
            .. UnitParameters(record.Key),
            ("status", record.Status == WorkUnitStatus.Done ? "done" : "failed"),
            ("commits", (long)record.Commits),
            ("hash", record.ReportHash),
            ("error", record.Error),
            ("run", record.RunId),
            ("updated", Format(record.UpdatedAt)),
            ("requests", (long?)usage?.Requests),
            ("input", usage?.InputTokens),
            ("output", usage?.OutputTokens),
            ("hits", (long?)usage?.CacheHits),
            ("retries", (long?)usage?.Retries),
            ("fallbacks", (long?)usage?.Fallbacks),
            ("wall", record.LlmWallTime is { } wall ? (long)wall.TotalMilliseconds : null),
        ];
    }

    private const string UnitColumns =
        """
        repository, day, time_zone, variant, status, commits, report_hash, error, run_id, updated_at,
        llm_requests, llm_input_tokens, llm_output_tokens, llm_cache_hits, llm_retries, llm_fallbacks, llm_wall_ms
        """;

    public Task<WorkUnitRecord?> FindAsync(WorkUnitKey key, CancellationToken cancellationToken) => RunAsync(async (connection, ct) =>
    {
        await using var cmd = Command(connection,
            $"SELECT {UnitColumns} FROM work_units WHERE repository = @repo AND day = @day AND time_zone = @tz AND variant = @variant;",
            UnitParameters(key));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadUnit(reader) : null;
    }, cancellationToken);

    public Task<IReadOnlyList<WorkUnitRecord>> ListAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) => RunAsync<IReadOnlyList<WorkUnitRecord>>(async (connection, ct) =>
    {
        await using var cmd = Command(connection,
            $"SELECT {UnitColumns} FROM work_units WHERE day >= @first AND day <= @last;", ("first", Day(first)), ("last", Day(last)));
        var units = await ReadAllAsync(cmd, ReadUnit, ct).ConfigureAwait(false);
        // Sorted here, not by the database: PostgreSQL's order of text follows the database's collation.
        return [.. units.OrderBy(u => u.Key.Day).ThenBy(u => u.Key.Repository, StringComparer.Ordinal)
            .ThenBy(u => u.Key.TimeZone, StringComparer.Ordinal).ThenBy(u => u.Key.Variant, StringComparer.Ordinal)];
    }, cancellationToken);

    private static WorkUnitRecord ReadUnit(DbDataReader reader) =>
        new(new WorkUnitKey(reader.GetString(0), ParseDay(reader.GetString(1)), reader.GetString(2), reader.GetString(3)),
            reader.GetString(4) == "done" ? WorkUnitStatus.Done : WorkUnitStatus.Failed,
            (int)reader.GetInt64(5),
            NullableString(reader, 6),
            NullableString(reader, 7),
            reader.GetInt64(8),
            ParseInstant(reader.GetString(9)))
        {
            LlmUsage = reader.IsDBNull(10)
                ? null
                : new LlmUsage((int)reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12), (int)reader.GetInt64(13), (int)reader.GetInt64(14), (int)reader.GetInt64(15)),
            LlmWallTime = reader.IsDBNull(16) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(16)),
        };

    /// <summary>A cached LLM answer (its validated JSON), or null.</summary>
    public Task<string?> FindAnalysisAsync(AnalysisKey key, CancellationToken cancellationToken) => RunAsync(async (connection, ct) =>
    {
        await using var cmd = Command(connection,
            """
            SELECT payload FROM analyses WHERE repository = @repo AND subject = @subject AND model = @model
            AND prompt_version = @prompt AND language = @lang AND depth = @depth;
            """,
            AnalysisParameters(key));
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }, cancellationToken);

    /// <summary>Stores an LLM answer at once (its own transaction), so a killed run keeps every answer it received.</summary>
    public Task SaveAnalysisAsync(AnalysisKey key, string payload, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO analyses(repository, subject, model, prompt_version, language, depth, payload, created_at)
            VALUES (@repo, @subject, @model, @prompt, @lang, @depth, @payload, @created)
            ON CONFLICT(repository, subject, model, prompt_version, language, depth) DO UPDATE SET
                payload = excluded.payload, created_at = excluded.created_at;
            """,
            cancellationToken,
            [.. AnalysisParameters(key), ("payload", payload), ("created", Format(DateTimeOffset.UtcNow))]);

    public Task<Publication?> FindPublicationAsync(string target, string repository, DateOnly day, CancellationToken cancellationToken) => RunAsync(async (connection, ct) =>
    {
        await using var cmd = Command(connection,
            "SELECT report_hash, location, published_at, contents FROM publications WHERE target = @target AND repository = @repo AND day = @day;",
            ("target", target), ("repo", repository), ("day", Day(day)));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            return null;
        }
        return new Publication(target, repository, day, reader.GetString(0), NullableString(reader, 1), ParseInstant(reader.GetString(2)))
        {
            Contents = NullableString(reader, 3),
        };
    }, cancellationToken);

    public Task RecordPublicationAsync(Publication publication, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO publications(target, repository, day, report_hash, location, published_at, contents)
            VALUES (@target, @repo, @day, @hash, @location, @at, @contents)
            ON CONFLICT(target, repository, day) DO UPDATE SET
                report_hash = excluded.report_hash, location = excluded.location, published_at = excluded.published_at,
                contents = excluded.contents;
            """,
            cancellationToken,
            ("target", publication.Target), ("repo", publication.Repository), ("day", Day(publication.Day)), ("hash", publication.Hash),
            ("location", publication.Location), ("at", Format(publication.PublishedAt)), ("contents", publication.Contents));

    /// <summary>The SQL of a text value bound as its UTF-8 bytes (<paramref name="parameter"/>, a byte array): the report's
    /// bytes go to the database as they are, without a string between.</summary>
    protected abstract string TextFromUtf8(string parameter);

    public Task SaveReportAsync(StoredReport report, CancellationToken cancellationToken) =>
        ExecuteAsync(SaveReportSql, cancellationToken, ReportParameters(report));

    private string SaveReportSql =>
        $"""
        INSERT INTO reports(repository, day, time_zone, variant, format, language, path, content, hash, run_id, updated_at)
        VALUES (@repo, @day, @tz, @variant, @format, @language, @path, {TextFromUtf8("@content")}, @hash, @run, @updated)
        ON CONFLICT(repository, day, time_zone, variant, format) DO UPDATE SET
            language = excluded.language, path = excluded.path, content = excluded.content, hash = excluded.hash,
            run_id = excluded.run_id, updated_at = excluded.updated_at;
        """;

    private static (string, object?)[] ReportParameters(StoredReport report) =>
        [.. UnitParameters(report.Unit), ("format", report.Format), ("language", report.Language), ("path", report.RelativePath),
         ("content", ArrayOf(report.Content)), ("hash", report.Hash), ("run", report.RunId), ("updated", Format(report.UpdatedAt))];

    private const string ReportColumns = "repository, day, time_zone, variant, format, language, path, content, hash, run_id, updated_at";

    public Task<StoredReport?> FindReportAsync(WorkUnitKey unit, string format, CancellationToken cancellationToken) => RunAsync(async (connection, ct) =>
    {
        await using var cmd = Command(connection,
            $"SELECT {ReportColumns} FROM reports WHERE repository = @repo AND day = @day AND time_zone = @tz AND variant = @variant AND format = @format;",
            [.. UnitParameters(unit), ("format", format)]);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadReport(reader) : null;
    }, cancellationToken);

    public Task<IReadOnlyList<StoredReport>> ListReportsAsync(DateOnly day, CancellationToken cancellationToken) => RunAsync<IReadOnlyList<StoredReport>>(async (connection, ct) =>
    {
        await using var cmd = Command(connection,
            $"SELECT {ReportColumns} FROM reports WHERE day = @day;", ("day", Day(day)));
        var reports = await ReadAllAsync(cmd, ReadReport, ct).ConfigureAwait(false);
        return [.. reports.OrderBy(r => r.Unit.Repository, StringComparer.Ordinal).ThenBy(r => r.Unit.TimeZone, StringComparer.Ordinal)
            .ThenBy(r => r.Unit.Variant, StringComparer.Ordinal).ThenBy(r => r.Format, StringComparer.Ordinal)];
    }, cancellationToken);

    private static StoredReport ReadReport(DbDataReader reader) =>
        new(new WorkUnitKey(reader.GetString(0), ParseDay(reader.GetString(1)), reader.GetString(2), reader.GetString(3)),
            reader.GetString(4), reader.GetString(5), reader.GetString(6), Encoding.UTF8.GetBytes(reader.GetString(7)), reader.GetString(8), reader.GetInt64(9),
            ParseInstant(reader.GetString(10)));

    /// <summary>The bytes as an array for a parameter: the array itself when they are all of one (no copy).</summary>
    private static byte[] ArrayOf(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment is { Array: { } array, Offset: 0 } && segment.Count == array.Length
            ? array
            : bytes.ToArray();

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand cmd, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static (string, object?)[] UnitParameters(WorkUnitKey key) =>
        [("repo", key.Repository), ("day", Day(key.Day)), ("tz", key.TimeZone), ("variant", key.Variant)];

    private static (string, object?)[] AnalysisParameters(AnalysisKey key) =>
        [("repo", key.Repository), ("subject", key.Subject), ("model", key.Model), ("prompt", key.PromptVersion), ("lang", key.Language), ("depth", key.Depth)];

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        RunAsync((connection, ct) => ExecuteInAsync(connection, null, sql, parameters, ct), cancellationToken);

    private static async Task<int> ExecuteInAsync(
        DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, transaction, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A command with <c>@name</c> parameters (null is SQL NULL), in <paramref name="transaction"/> when given.</summary>
    protected internal static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Command(connection, null, sql, parameters);

    protected internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(parameter);
        }
        return cmd;
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
