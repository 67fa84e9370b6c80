using Gitbrief.Analysis.Llm;
using Gitbrief.Hosting;
using Npgsql;

namespace Gitbrief.Server;

/// <summary>The LLM limits of the whole fleet, kept in PostgreSQL: every request any server sends is first admitted as
/// a row of <c>gitbrief_fleet.llm_admissions</c>, under one advisory transaction lock, when
/// <list type="bullet">
/// <item>fewer than <c>llm.max_concurrency</c> admitted requests are unfinished (a row's lease ends a while after the
/// request's time-out, so a killed server's requests stop counting),</item>
/// <item>fewer than <c>llm.rpm</c> requests were in flight or finished within the last minute, and</item>
/// <item>the tokens of those requests (each counted at its estimate: prompt + max_output_tokens) plus this one's stay
/// within <c>llm.tpm</c>.</item>
/// </list>
/// A request counts from its admission until a minute after it finished: whenever it reaches the provider in between,
/// no minute of the provider's can see more than rpm requests (counting from admission alone would not do: a request
/// may reach the provider seconds after it was admitted). The minute is 61 s on the database's clock, one second of
/// margin for clocks that differ. Each process also keeps at most
/// <c>server.llm_concurrency</c> of its own requests in flight, handed to the oldest job's requests first.</summary>
internal sealed class FleetLlmAdmission : ILlmAdmission
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(61);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);
    private readonly FleetDatabase database;
    private readonly FleetLlmLimits limits;
    private readonly OldestJobFirst local;
    private readonly string holder;
    private readonly TimeSpan lease;

    public FleetLlmAdmission(FleetDatabase database, FleetLlmLimits limits, int processConcurrency, string holder)
    {
        this.database = database;
        this.limits = limits;
        this.holder = holder;
        local = new OldestJobFirst(processConcurrency);
        lease = limits.Timeout * 2 + TimeSpan.FromSeconds(30);
    }

    public async Task<IAsyncDisposable> AdmitAsync(int estimatedTokens, CancellationToken cancellationToken)
    {
        await local.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var tokens = limits.TokensPerMinute is { } tpm ? Math.Min(estimatedTokens, tpm) : estimatedTokens;
            var poll = TimeSpan.FromMilliseconds(50);
            while (true)
            {
                var (id, wait) = await Transient.RetryAsync(() => TryAdmitAsync(tokens, cancellationToken), cancellationToken).ConfigureAwait(false);
                if (id is { } admitted)
                {
                    return new Ticket(this, admitted);
                }
                var pause = wait is { } w && w > poll ? w : poll;
                await Task.Delay(pause < LongestPoll ? pause : LongestPoll, cancellationToken).ConfigureAwait(false);
                poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
            }
        }
        catch
        {
            local.Release();
            throw;
        }
    }

    /// <summary>One attempt: the new row's id, or null and how long until the rate window frees a place.</summary>
    private async Task<(long? Id, TimeSpan? Wait)> TryAdmitAsync(int tokens, CancellationToken cancellationToken)
    {
        await using var connection = await database.Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(7152027);
            DELETE FROM gitbrief_fleet.llm_admissions WHERE coalesce(finished_at, lease_until) < clock_timestamp() - @window;
            WITH recent AS (
                SELECT count(*) FILTER (WHERE finished_at IS NULL AND lease_until > clock_timestamp()) AS in_flight,
                    count(*) AS requests,
                    coalesce(sum(tokens), 0) AS tokens,
                    min(finished_at) AS oldest
                FROM gitbrief_fleet.llm_admissions
                WHERE coalesce(finished_at, lease_until) > clock_timestamp() - @window),
            admitted AS (
                INSERT INTO gitbrief_fleet.llm_admissions (admitted_at, tokens, holder, lease_until)
                SELECT clock_timestamp(), @tokens, @holder, clock_timestamp() + @lease FROM recent
                WHERE in_flight < @concurrency AND (@rpm::int IS NULL OR requests < @rpm) AND (@tpm::bigint IS NULL OR tokens + @tokens <= @tpm)
                RETURNING id)
            SELECT (SELECT id FROM admitted), extract(epoch FROM (SELECT oldest FROM recent) + @window - clock_timestamp());
            """, connection, transaction);
        command.Parameters.AddWithValue("window", Window);
        command.Parameters.AddWithValue("tokens", tokens);
        command.Parameters.AddWithValue("holder", holder);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("concurrency", limits.MaxConcurrency);
        command.Parameters.AddWithValue("rpm", NpgsqlTypes.NpgsqlDbType.Integer, (object?)limits.RequestsPerMinute ?? DBNull.Value);
        command.Parameters.AddWithValue("tpm", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)limits.TokensPerMinute ?? DBNull.Value);
        long? id = null;
        TimeSpan? wait = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            // The lock and the clean-up come first; the last result is the one that says.
            do
            {
                if (reader.FieldCount == 2 && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    id = reader.IsDBNull(0) ? null : reader.GetInt64(0);
                    wait = reader.IsDBNull(1) ? null : TimeSpan.FromSeconds((double)reader.GetDecimal(1));
                }
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (id, wait);
    }

    private async Task FinishAsync(long id)
    {
        try
        {
            await database.ExecuteAsync("UPDATE gitbrief_fleet.llm_admissions SET finished_at = clock_timestamp() WHERE id = @id;",
                p => p.AddWithValue("id", id), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or IOException)
        {
            // The database is away: the row's lease ends on its own.
        }
        finally
        {
            local.Release();
        }
    }

    private sealed class Ticket(FleetLlmAdmission owner, long id) : IAsyncDisposable
    {
        private int finished;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref finished, 1) == 0)
            {
                await owner.FinishAsync(id).ConfigureAwait(false);
            }
        }
    }
}
