using System.Globalization;

namespace Gitbrief.Store;

/// <summary>The claims of <see cref="IClaimStore"/> in SQLite. A claim succeeds through one statement,
/// <c>INSERT … ON CONFLICT … DO UPDATE … WHERE (expired or own) RETURNING owner</c>: no row back means another
/// live owner holds the key. Several keys are claimed in one immediate transaction, all or none.</summary>
public sealed partial class GitbriefStore : IClaimStore
{
    public Task<ClaimAttempt> TryClaimAsync(
        IReadOnlyList<ClaimRequest> requests, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            await using var transaction = connection.BeginTransaction();
            foreach (var request in requests)
            {
                await using var claim = connection.CreateCommand();
                claim.Transaction = transaction;
                claim.CommandText =
                    """
                    INSERT INTO claims(scope, repository, day, variant, owner, content_hash, claimed_at, lease_until)
                    VALUES ($scope, $repo, $day, $variant, $owner, $hash, $claimed, $until)
                    ON CONFLICT(scope, repository, day, variant) DO UPDATE SET
                        owner = excluded.owner, content_hash = excluded.content_hash,
                        claimed_at = excluded.claimed_at, lease_until = excluded.lease_until
                    WHERE claims.owner = excluded.owner OR claims.lease_until <= $now
                    RETURNING owner;
                    """;
                Bind(claim, request.Key);
                claim.Parameters.AddWithValue("$owner", owner);
                claim.Parameters.AddWithValue("$hash", (object?)request.ContentHash ?? DBNull.Value);
                claim.Parameters.AddWithValue("$claimed", Format(now));
                claim.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeMilliseconds());
                claim.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                if (await claim.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
                {
                    continue;
                }
                await using var holder = connection.CreateCommand();
                holder.Transaction = claim.Transaction;
                holder.CommandText = "SELECT owner, lease_until FROM claims WHERE scope = $scope AND repository = $repo AND day = $day AND variant = $variant;";
                Bind(holder, request.Key);
                await using var reader = await holder.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var attempt = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? new ClaimAttempt(false, request.Key, reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)))
                    : new ClaimAttempt(false, request.Key);
                await reader.DisposeAsync().ConfigureAwait(false);
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return attempt;
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return ClaimAttempt.Success;
        });

    public Task<int> RenewAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) => WithGateAsync(async () =>
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE claims SET lease_until = $until WHERE owner = $owner;";
        cmd.Parameters.AddWithValue("$owner", owner);
        cmd.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeMilliseconds());
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    });

    public Task ReleaseAsync(IReadOnlyList<ClaimKey> keys, string owner, CancellationToken cancellationToken) => WithGateAsync(async () =>
    {
        if (keys.Count == 0)
        {
            return 0;
        }
        await using var transaction = connection.BeginTransaction();
        foreach (var key in keys)
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = transaction;
            cmd.CommandText = "DELETE FROM claims WHERE scope = $scope AND repository = $repo AND day = $day AND variant = $variant AND owner = $owner;";
            Bind(cmd, key);
            cmd.Parameters.AddWithValue("$owner", owner);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return keys.Count;
    });

    private static void Bind(Microsoft.Data.Sqlite.SqliteCommand cmd, ClaimKey key)
    {
        cmd.Parameters.AddWithValue("$scope", key.Scope);
        cmd.Parameters.AddWithValue("$repo", key.Repository);
        cmd.Parameters.AddWithValue("$day", key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$variant", key.Variant);
    }
}
