using Gitbrief.Common;

namespace Gitbrief.Store;

/// <summary><c>gitbrief store migrate</c>: copies one store into another (a SQLite file into PostgreSQL): the run
/// history, the repository-day units, the LLM answers, the publish ledger and the reports — not the claims, which are
/// live state of running processes. A row whose key the target has already is left as it is, so copying again copies
/// nothing twice (and never overwrites what the target's own runs wrote since). Runs have no key of their own: a run is
/// the same run when its command and start time are, and the units and reports copied point at its id in the target.</summary>
public static class StoreMigration
{
    /// <summary>Opens both stores (the source must exist: a SQLite file is never created by reading it) and copies.</summary>
    public static async Task<IReadOnlyList<TableCopy>> CopyAsync(
        StoreLocation from, StoreLocation to, CancellationToken cancellationToken, Func<string, string?>? environment = null)
    {
        if (from.Kind == StoreKind.Sqlite && !File.Exists(from.SqlitePath))
        {
            throw new Common.UsageException($"--from: {from.SqlitePath}: no such store file");
        }
        await using var source = await StoreFactory.OpenSqlAsync(from, cancellationToken, environment).ConfigureAwait(false);
        await using var target = await StoreFactory.OpenSqlAsync(to, cancellationToken, environment).ConfigureAwait(false);
        return await CopyAsync(source, target, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<IReadOnlyList<TableCopy>> CopyAsync(SqlStore from, SqlStore to, CancellationToken cancellationToken)
    {
        var copies = new List<TableCopy>();
        var runIds = new Dictionary<long, long>();
        var runsCopied = 0L;
        var runs = await from.ReadRunsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var run in runs)
        {
            var (id, inserted) = await to.EnsureRunAsync((string)run[1]!, (string)run[2]!, (string?)run[3], (long?)run[4], cancellationToken).ConfigureAwait(false);
            runIds[(long)run[0]!] = id;
            runsCopied += inserted ? 1 : 0;
        }
        copies.Add(new TableCopy("runs", runs.Count, runsCopied));
        foreach (var table in SqlStore.CopiedTables)
        {
            var runColumn = table.Columns.ToList().IndexOf("run_id");
            var (read, copied) = (0L, 0L);
            await from.ReadRowsAsync(table, async rows =>
            {
                if (runColumn >= 0)
                {
                    foreach (var row in rows)
                    {
                        if (row[runColumn] is long run && runIds.TryGetValue(run, out var mapped))
                        {
                            row[runColumn] = mapped;
                        }
                    }
                }
                read += rows.Count;
                copied += await to.InsertMissingAsync(table, rows, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            copies.Add(new TableCopy(table.Name, read, copied));
        }
        return copies;
    }
}

/// <summary>What <see cref="StoreMigration"/> did with one table: rows read from the source, rows copied into the
/// target (the others were there already).</summary>
public sealed record TableCopy(string Table, long Read, long Copied)
{
    public long AlreadyThere => Read - Copied;
}
