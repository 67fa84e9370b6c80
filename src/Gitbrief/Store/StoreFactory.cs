using Gitbrief.Common;

namespace Gitbrief.Store;

/// <summary>Opens the configured store: the SQLite file, or the PostgreSQL database with the password from the
/// environment (registered as a secret, so that no message can show it).</summary>
internal static class StoreFactory
{
    public static async Task<IGitbriefStore> OpenAsync(StoreLocation location, CancellationToken cancellationToken, Func<string, string?>? environment = null) =>
        await OpenSqlAsync(location, cancellationToken, environment).ConfigureAwait(false);

    internal static async Task<SqlStore> OpenSqlAsync(StoreLocation location, CancellationToken cancellationToken, Func<string, string?>? environment = null)
    {
        if (location.Kind == StoreKind.Sqlite)
        {
            return await SqliteStore.OpenAsync(location.SqlitePath!, cancellationToken).ConfigureAwait(false);
        }
        var password = StoreLocation.PasswordFrom(environment ?? Environment.GetEnvironmentVariable);
        SecretRedactor.Register(password);
        return await PostgresStore.OpenAsync(location, password, cancellationToken).ConfigureAwait(false);
    }
}
