using Gitbrief.Common;
using Npgsql;

namespace Gitbrief.Server;

/// <summary>The fleet's database: <c>store: postgresql://user@host:port/database</c> in the config, or GITBRIEF_STORE
/// (which wins). The password never in the URL: from PGPASSWORD (or ~/.pgpass, as for psql). A unix socket is
/// <c>postgresql://user@/database?host=/run/postgresql</c>.</summary>
internal static class StoreAddress
{
    public const string Variable = "GITBRIEF_STORE";

    public static string ConnectionString(string? configured, Func<string, string?> environment)
    {
        var text = environment(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : configured;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException($"the server needs a PostgreSQL store: set 'store: postgresql://user@host/database' in the config or {Variable}");
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("postgresql" or "postgres"))
        {
            // Not echoed: a mistyped URL may hold a password.
            throw new UsageException("store: not a postgresql:// URL (expected postgresql://user@host:port/database)");
        }
        var user = Uri.UnescapeDataString(uri.UserInfo);
        if (user.Contains(':', StringComparison.Ordinal))
        {
            throw new UsageException("store: the URL carries a password; put it in PGPASSWORD (or ~/.pgpass) instead, never in the config");
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')) is { Length: > 0 } database ? database : "gitbrief",
            Username = user.Length > 0 ? user : null,
            Host = uri.Host.Length > 0 ? uri.Host : null,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            ApplicationName = "gitbrief-server",
        };
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == "host")
            {
                builder.Host = Uri.UnescapeDataString(parts[1]);
            }
        }
        if (environment("PGPASSWORD") is { Length: > 0 } password)
        {
            SecretRedactor.Register(password);
            builder.Password = password;
        }
        return builder.ConnectionString;
    }
}
