using System.Globalization;
using Npgsql;

namespace Gitbrief.Server;

/// <summary>The fleet's own bookkeeping, in the schema <c>gitbrief_fleet</c> of the store's database (beside Hangfire's
/// schema and the store's tables): which repository-days each queued day has and where each stands, when a day was
/// published, and the LLM admissions that keep the fleet's limits. Every statement is retried a few times over a
/// broken connection, so a PostgreSQL restart costs a moment, not a job.</summary>
internal sealed class FleetDatabase(NpgsqlDataSource source) : IAsyncDisposable
{
    public const string Schema = "gitbrief_fleet";

    public NpgsqlDataSource Source { get; } = source;

    public static FleetDatabase Open(string connectionString) => new(NpgsqlDataSource.Create(connectionString));

    /// <summary>Creates the tables (once, under an advisory lock: many servers start at the same moment).</summary>
    public Task MigrateAsync(CancellationToken cancellationToken) => ExecuteAsync(
        """
        SELECT pg_advisory_xact_lock(7152026);
        CREATE SCHEMA IF NOT EXISTS gitbrief_fleet;
        CREATE TABLE IF NOT EXISTS gitbrief_fleet.days (
            day date PRIMARY KEY,
            time_zone text NOT NULL,
            enqueued_at timestamptz NOT NULL,
            deadline timestamptz NOT NULL,
            published_at timestamptz,
            published_units int,
            publishes int NOT NULL DEFAULT 0,
            publish_error text);
        CREATE TABLE IF NOT EXISTS gitbrief_fleet.units (
            day date NOT NULL,
            repository text NOT NULL,
            state text NOT NULL,
            attempts int NOT NULL DEFAULT 0,
            completions int NOT NULL DEFAULT 0,
            worker text,
            error text,
            commits int,
            llm_requests int,
            llm_cache_hits int,
            llm_input_tokens bigint,
            llm_output_tokens bigint,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (day, repository));
        CREATE TABLE IF NOT EXISTS gitbrief_fleet.llm_admissions (
            id bigserial PRIMARY KEY,
            admitted_at timestamptz NOT NULL,
            tokens int NOT NULL,
            holder text NOT NULL,
            lease_until timestamptz NOT NULL,
            finished_at timestamptz);
        CREATE INDEX IF NOT EXISTS llm_admissions_by_time ON gitbrief_fleet.llm_admissions (admitted_at);
        ALTER TABLE gitbrief_fleet.units ADD COLUMN IF NOT EXISTS report_hashes text[];
        """, _ => { }, cancellationToken, transaction: true);

    /// <summary>Queues a day: its row (deadline from now) and one pending unit per repository (a unit queued again starts afresh).</summary>
    public Task QueueDayAsync(DateOnly day, string timeZone, IReadOnlyList<string> repositories, TimeSpan deadline, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO gitbrief_fleet.days (day, time_zone, enqueued_at, deadline) VALUES (@day, @tz, now(), now() + @deadline)
            ON CONFLICT (day) DO UPDATE SET time_zone = excluded.time_zone, enqueued_at = excluded.enqueued_at, deadline = excluded.deadline,
                published_at = NULL, published_units = NULL, publish_error = NULL;
            INSERT INTO gitbrief_fleet.units (day, repository, state, updated_at)
            SELECT @day, r, 'pending', now() FROM unnest(@repositories) AS r
            ON CONFLICT (day, repository) DO UPDATE SET state = 'pending', attempts = 0, error = NULL, worker = NULL, updated_at = now();
            """,
            p =>
            {
                p.AddWithValue("day", day);
                p.AddWithValue("tz", timeZone);
                p.AddWithValue("deadline", deadline);
                p.AddWithValue("repositories", repositories.ToArray());
            }, cancellationToken, transaction: true);

    /// <summary>Takes the unit for an attempt; false when it is already done (Hangfire runs a job at least once: a job
    /// whose end could not be recorded, PostgreSQL being away at that moment, runs again and must find nothing to do).</summary>
    public async Task<bool> TryMarkRunningAsync(DateOnly day, string repository, int attempt, string worker, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            """
            UPDATE gitbrief_fleet.units SET state = 'running', attempts = @attempt, worker = @worker, updated_at = now()
            WHERE day = @day AND repository = @repo AND state <> 'done' RETURNING 1;
            """,
            p =>
            {
                Key(p, day, repository);
                p.AddWithValue("attempt", attempt + 1);
                p.AddWithValue("worker", worker);
            }, r => r.GetInt32(0), cancellationToken).ConfigureAwait(false);
        return rows.Count > 0;
    }

    /// <summary>The unit's first completion since it was queued (idempotent: a statement retried over a broken connection,
    /// or a second run of the job, counts once).</summary>
    public Task MarkDoneAsync(DateOnly day, string repository, UnitResult result, CancellationToken cancellationToken) => ExecuteAsync(
        """
        UPDATE gitbrief_fleet.units SET state = 'done', completions = completions + 1, error = NULL, commits = @commits,
            llm_requests = @requests, llm_cache_hits = @hits, llm_input_tokens = @input, llm_output_tokens = @output,
            report_hashes = @hashes, updated_at = now()
        WHERE day = @day AND repository = @repo AND state <> 'done';
        """,
        p =>
        {
            Key(p, day, repository);
            p.AddWithValue("commits", result.Commits);
            p.AddWithValue("requests", result.LlmRequests);
            p.AddWithValue("hits", result.LlmCacheHits);
            p.AddWithValue("input", result.LlmInputTokens);
            p.AddWithValue("output", result.LlmOutputTokens);
            p.AddWithValue("hashes", result.ReportHashes.ToArray());
        }, cancellationToken);

    /// <summary>A failed attempt: <c>retrying</c> while attempts remain, else <c>failed</c>.</summary>
    public Task MarkFailedAsync(DateOnly day, string repository, string error, bool final, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE gitbrief_fleet.units SET state = @state, error = @error, updated_at = now() WHERE day = @day AND repository = @repo AND state <> 'done';",
        p =>
        {
            Key(p, day, repository);
            p.AddWithValue("state", final ? "failed" : "retrying");
            p.AddWithValue("error", error);
        }, cancellationToken);

    public async Task<DayState?> DayAsync(DateOnly day, CancellationToken cancellationToken) => (await DaysAsync(day, day, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>Every queued day in the range (newest first) with its units counted by state and what their LLM requests cost.</summary>
    public Task<List<DayState>> DaysAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) => QueryAsync(
        """
        SELECT d.day, d.time_zone, d.deadline, d.published_at, d.published_units, d.publishes, d.publish_error, d.deadline <= now(),
            count(u.repository),
            count(*) FILTER (WHERE u.state = 'done'), count(*) FILTER (WHERE u.state = 'failed'),
            count(*) FILTER (WHERE u.state IN ('running', 'retrying')), count(*) FILTER (WHERE u.state = 'pending'),
            coalesce(sum(u.completions), 0), coalesce(sum(u.commits), 0), coalesce(sum(u.llm_requests), 0), coalesce(sum(u.llm_cache_hits), 0),
            coalesce(sum(u.llm_input_tokens), 0), coalesce(sum(u.llm_output_tokens), 0)
        FROM gitbrief_fleet.days d LEFT JOIN gitbrief_fleet.units u ON u.day = d.day
        WHERE (@from::date IS NULL OR d.day >= @from) AND (@to::date IS NULL OR d.day <= @to)
        GROUP BY d.day ORDER BY d.day DESC;
        """,
        p =>
        {
            p.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.Date, from is { } f ? f : DBNull.Value);
            p.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.Date, to is { } t ? t : DBNull.Value);
        },
        r => new DayState(
            r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2),
            r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetInt32(4), r.GetInt32(5),
            r.IsDBNull(6) ? null : r.GetString(6), r.GetBoolean(7),
            new UnitCounts((int)r.GetInt64(8), (int)r.GetInt64(9), (int)r.GetInt64(10), (int)r.GetInt64(11), (int)r.GetInt64(12)),
            (int)r.GetInt64(13), r.GetInt64(14), r.GetInt64(15), r.GetInt64(16), r.GetInt64(17), r.GetInt64(18)),
        cancellationToken);

    /// <summary>The units of a day (by repository).</summary>
    public Task<List<UnitState>> UnitsAsync(DateOnly day, CancellationToken cancellationToken) => QueryAsync(
        "SELECT repository, state, attempts, completions, worker, error, report_hashes FROM gitbrief_fleet.units WHERE day = @day ORDER BY repository;",
        p => p.AddWithValue("day", day),
        r => new UnitState(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5))
        {
            ReportHashes = r.IsDBNull(6) ? [] : r.GetFieldValue<string[]>(6),
        },
        cancellationToken);

    public Task RecordPublishAsync(DateOnly day, int units, string? error, CancellationToken cancellationToken) => ExecuteAsync(
        """
        UPDATE gitbrief_fleet.days SET publishes = publishes + 1, publish_error = @error,
            published_at = CASE WHEN @error IS NULL THEN now() ELSE published_at END,
            published_units = CASE WHEN @error IS NULL THEN @units ELSE published_units END
        WHERE day = @day;
        """,
        p =>
        {
            p.AddWithValue("day", day);
            p.AddWithValue("units", units);
            p.AddWithValue("error", NpgsqlTypes.NpgsqlDbType.Text, (object?)error ?? DBNull.Value);
        }, cancellationToken);

    private static void Key(NpgsqlParameterCollection p, DateOnly day, string repository)
    {
        p.AddWithValue("day", day);
        p.AddWithValue("repo", repository);
    }

    public Task ExecuteAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken, bool transaction = false) =>
        Transient.RetryAsync(async () =>
        {
            await using var connection = await Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = transaction ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
            await using var command = new NpgsqlCommand(sql, connection, tx);
            bind(command.Parameters);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (tx is not null)
            {
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            return 0;
        }, cancellationToken);

    private Task<List<T>> QueryAsync<T>(string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        Transient.RetryAsync(async () =>
        {
            await using var connection = await Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection);
            bind(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }
            return rows;
        }, cancellationToken);

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}

/// <summary>What a finished repository-day cost, and the hashes of the Markdown reports it kept in the store (one per
/// language): what the day's publish delivers.</summary>
internal sealed record UnitResult(int Commits, int LlmRequests, int LlmCacheHits, long LlmInputTokens, long LlmOutputTokens, IReadOnlyList<string> ReportHashes);

/// <summary>A day's units by state: running counts those waiting for a retry too.</summary>
internal sealed record UnitCounts(int Total, int Done, int Failed, int Running, int Pending)
{
    public bool AllFinished => Done + Failed == Total;
}

internal sealed record DayState(
    DateOnly Day, string TimeZone, DateTimeOffset Deadline, DateTimeOffset? PublishedAt, int? PublishedUnits, int Publishes, string? PublishError,
    bool DeadlinePassed, UnitCounts Units, int Completions, long Commits, long LlmRequests, long LlmCacheHits, long LlmInputTokens, long LlmOutputTokens)
{
    public string IsoDay => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed record UnitState(string Repository, string State, int Attempts, int Completions, string? Worker, string? Error)
{
    /// <summary>The hashes of the Markdown reports the unit kept in the store when it was done (none before).</summary>
    public IReadOnlyList<string> ReportHashes { get; init; } = [];
}
