using System.Data.Common;
using System.Globalization;

namespace Gitbrief.Store;

/// <summary>Rows read and written as they are, for <see cref="StoreMigration"/>: every column is text or a 64-bit
/// integer in both stores, so a row of one is a row of the other.</summary>
internal abstract partial class SqlStore
{
    private const int CopyBatch = 500;

    /// <summary>Reads every row of the table in batches, handing each to <paramref name="sink"/> before reading on.</summary>
    internal Task ReadRowsAsync(StoreTable table, Func<IReadOnlyList<object?[]>, Task> sink, CancellationToken cancellationToken) =>
        RunAsync(async (connection, ct) =>
        {
            await using var cmd = Command(connection,
                $"SELECT {string.Join(", ", table.Columns)} FROM {table.Name} ORDER BY {string.Join(", ", table.KeyColumns)};");
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var batch = new List<object?[]>(CopyBatch);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                batch.Add(row);
                if (batch.Count == CopyBatch)
                {
                    await sink(batch).ConfigureAwait(false);
                    batch = new List<object?[]>(CopyBatch);
                }
            }
            if (batch.Count > 0)
            {
                await sink(batch).ConfigureAwait(false);
            }
            return 0;
        }, cancellationToken);

    /// <summary>Inserts the rows whose key is not in the table yet, in one transaction; returns how many it inserted.</summary>
    internal Task<int> InsertMissingAsync(StoreTable table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken) => RunAsync(async (connection, ct) =>
    {
        var columns = table.Columns.ToList();
        var sql = $"INSERT INTO {table.Name}({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) " +
                  $"ON CONFLICT({string.Join(", ", table.KeyColumns)}) DO NOTHING;";
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var inserted = 0;
        foreach (var row in rows)
        {
            await using var cmd = Command(connection, transaction, sql, [.. columns.Select((c, i) => (c, row[i]))]);
            inserted += await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return inserted;
    }, cancellationToken);

    /// <summary>Every run of the history: id, command, start, end, exit code.</summary>
    internal Task<IReadOnlyList<object?[]>> ReadRunsAsync(CancellationToken cancellationToken) => RunAsync(async (connection, ct) =>
    {
        await using var cmd = Command(connection, "SELECT id, command, started_at, finished_at, exit_code FROM runs ORDER BY id;");
        return await ReadAllAsync(cmd, reader => new object?[]
        {
            reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4),
        }, ct).ConfigureAwait(false);
    }, cancellationToken);

    /// <summary>The id of the run with this command and start time, inserting it (with its end) when there is none;
    /// whether it was inserted.</summary>
    internal Task<(long Id, bool Inserted)> EnsureRunAsync(string command, string startedAt, string? finishedAt, long? exitCode, CancellationToken cancellationToken) =>
        RunAsync(async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using var find = Command(connection, transaction, "SELECT id FROM runs WHERE command = @command AND started_at = @started ORDER BY id LIMIT 1;",
                ("command", command), ("started", startedAt));
            if (await find.ExecuteScalarAsync(ct).ConfigureAwait(false) is { } existing and not DBNull)
            {
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return (Convert.ToInt64(existing, CultureInfo.InvariantCulture), false);
            }
            await using var insert = Command(connection, transaction,
                "INSERT INTO runs(command, started_at, finished_at, exit_code) VALUES (@command, @started, @finished, @code) RETURNING id;",
                ("command", command), ("started", startedAt), ("finished", finishedAt), ("code", exitCode));
            var id = Convert.ToInt64(await insert.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return (id, true);
        }, cancellationToken);

    /// <summary>How many rows the table has.</summary>
    internal Task<long> CountAsync(string table, CancellationToken cancellationToken) => RunAsync(async (connection, ct) =>
    {
        await using var cmd = Command(connection, $"SELECT COUNT(*) FROM {table};");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }, cancellationToken);
}
