using System.Data.Common;

namespace Gitbrief.Store;

/// <summary>The claims of <see cref="IClaimStore"/>. A claim succeeds through one statement,
/// <c>INSERT … ON CONFLICT … DO UPDATE … WHERE (expired or own) RETURNING owner</c>: no row back means another
/// live owner holds the key. Several keys are claimed in one transaction, all or none, always in the same order (so
/// that two PostgreSQL transactions claiming overlapping sets wait for each other instead of deadlocking).</summary>
internal abstract partial class SqlStore
{
    public Task<ClaimAttempt> TryClaimAsync(
        IReadOnlyList<ClaimRequest> requests, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        RunAsync(async (connection, ct) =>
        {
            var ordered = InClaimOrder(requests);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            foreach (var request in ordered)
            {
                await using var claim = Command(connection, transaction,
                    """
                    INSERT INTO claims(scope, repository, day, variant, owner, content_hash, claimed_at, lease_until)
                    VALUES (@scope, @repo, @day, @variant, @owner, @hash, @claimed, @until)
                    ON CONFLICT(scope, repository, day, variant) DO UPDATE SET
                        owner = excluded.owner, content_hash = excluded.content_hash,
                        claimed_at = excluded.claimed_at, lease_until = excluded.lease_until
                    WHERE claims.owner = excluded.owner OR claims.lease_until <= @now
                    RETURNING owner;
                    """,
                    [.. ClaimParameters(request.Key), ("owner", owner), ("hash", request.ContentHash), ("claimed", Format(now)),
                     ("until", (now + lease).ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds())]);
                if (await claim.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null)
                {
                    continue;
                }
                var attempt = await HolderAsync(connection, transaction, request.Key, ct).ConfigureAwait(false);
                await transaction.RollbackAsync(ct).ConfigureAwait(false);
                return attempt;
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return ClaimAttempt.Success;
        }, cancellationToken);

    /// <summary>The requests by scope, repository, day and variant (ordinal), equal keys in the order given: what
    /// <c>OrderBy(…).ThenBy(…)</c> gave, without its generic virtual <c>ThenBy</c>, which the native build resolves at run time.</summary>
    private static ClaimRequest[] InClaimOrder(IReadOnlyList<ClaimRequest> requests)
    {
        var ordered = new (ClaimRequest Request, int Index)[requests.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = (requests[i], i);
        }
        Array.Sort(ordered, static (a, b) =>
        {
            var (x, y) = (a.Request.Key, b.Request.Key);
            var order = string.CompareOrdinal(x.Scope, y.Scope);
            order = order != 0 ? order : string.CompareOrdinal(x.Repository, y.Repository);
            order = order != 0 ? order : x.Day.CompareTo(y.Day);
            order = order != 0 ? order : string.CompareOrdinal(x.Variant, y.Variant);
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        });
        return Array.ConvertAll(ordered, o => o.Request);
    }

    private static async Task<ClaimAttempt> HolderAsync(DbConnection connection, DbTransaction transaction, ClaimKey key, CancellationToken cancellationToken)
    {
        await using var holder = Command(connection, transaction,
            "SELECT owner, lease_until FROM claims WHERE scope = @scope AND repository = @repo AND day = @day AND variant = @variant;",
            ClaimParameters(key));
        await using var reader = await holder.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ClaimAttempt(false, key, reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)))
            : new ClaimAttempt(false, key);
    }

    public Task<int> RenewAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) => RunAsync(async (connection, ct) =>
    {
        await using var cmd = Command(connection, "UPDATE claims SET lease_until = @until WHERE owner = @owner;",
            ("owner", owner), ("until", (now + lease).ToUnixTimeMilliseconds()));
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }, cancellationToken);

    public Task ReleaseAsync(IReadOnlyList<ClaimKey> keys, string owner, CancellationToken cancellationToken) => RunAsync(async (connection, ct) =>
    {
        if (keys.Count == 0)
        {
            return 0;
        }
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        foreach (var key in keys)
        {
            await ExecuteInAsync(connection, transaction, ReleaseSql, ReleaseParameters(key, owner), ct).ConfigureAwait(false);
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return keys.Count;
    }, cancellationToken);

    private const string ReleaseSql =
        "DELETE FROM claims WHERE scope = @scope AND repository = @repo AND day = @day AND variant = @variant AND owner = @owner;";

    private static (string, object?)[] ReleaseParameters(ClaimKey key, string owner) => [.. ClaimParameters(key), ("owner", owner)];

    private static (string, object?)[] ClaimParameters(ClaimKey key) =>
        [("scope", key.Scope), ("repo", key.Repository), ("day", Day(key.Day)), ("variant", key.Variant)];
}
