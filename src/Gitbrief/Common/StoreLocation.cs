using System.Globalization;

namespace Gitbrief.Common;

/// <summary>Where the store is: a SQLite file (the default, <c>&lt;cache-dir&gt;/gitbrief.db</c>), or a PostgreSQL
/// database named by a URL, <c>postgresql://user@host:port/database</c> (<c>postgres://</c> too; <c>?sslmode=require</c>,
/// <c>?host=/run/postgresql</c> for a unix socket). It never holds a password: that comes from the environment only
/// (<see cref="PasswordVariables"/>), and a URL with one is refused — without repeating the URL.</summary>
public sealed class StoreLocation
{
    /// <summary>The variables the PostgreSQL password is read from, in this order.</summary>
    public static readonly IReadOnlyList<string> PasswordVariables = ["GITBRIEF_STORE_PASSWORD", "PGPASSWORD"];

    /// <summary>The variable that names the store when the config does not.</summary>
    public const string Variable = "GITBRIEF_STORE";

    public const int DefaultPort = 5432;

    private static readonly string[] SslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"];

    private StoreLocation(StoreKind kind)
    {
        Kind = kind;
    }

    public StoreKind Kind { get; }

    /// <summary>The SQLite file (SQLite only).</summary>
    public string? SqlitePath { get; private init; }

    /// <summary>The host name or address, or the directory of a unix socket (PostgreSQL only).</summary>
    public string? Host { get; private init; }

    public int Port { get; private init; } = DefaultPort;

    public string? Database { get; private init; }

    /// <summary>The user; null leaves it to the driver (PGUSER, else the system user).</summary>
    public string? User { get; private init; }

    /// <summary>The URL's <c>sslmode</c>, or null.</summary>
    public string? SslMode { get; private init; }

    public static StoreLocation Sqlite(string path) => new(StoreKind.Sqlite) { SqlitePath = path };

    /// <summary>Whether the text names a PostgreSQL database (as opposed to a SQLite file).</summary>
    public static bool IsPostgresUrl(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A <c>postgresql://</c> URL, or else the path of a SQLite file. A malformed URL or one with a password is a
    /// <see cref="FormatException"/> whose message never repeats the text (it may hold a password).</summary>
    public static StoreLocation Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("the store is empty: give postgresql://user@host:port/database, or the path of a SQLite file");
        }
        return IsPostgresUrl(text) ? ParsePostgres(text) : Sqlite(text);
    }

    private static StoreLocation ParsePostgres(string text)
    {
        // The host may be empty (a unix socket named by ?host=): give Uri a placeholder to parse.
        var scheme = text[..(text.IndexOf("://", StringComparison.Ordinal) + 3)];
        var rest = text[scheme.Length..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authorityEnd = slash < 0 ? rest.Length : slash;
        var userInfo = at >= 0 && at < authorityEnd ? rest[..at] : null;
        if (userInfo is not null && userInfo.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException(PasswordInUrl);
        }
        var hostPart = rest[(userInfo is null ? 0 : at + 1)..authorityEnd];
        if (!Uri.TryCreate("postgresql://" + (hostPart.Length == 0 ? "localhost" : hostPart) + rest[authorityEnd..], UriKind.Absolute, out var uri))
        {
            throw new FormatException("the store URL is not a valid URL: use postgresql://user@host:port/database");
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new FormatException("the store URL names no database: use postgresql://user@host:port/database");
        }
        var host = hostPart.Length == 0 ? null : uri.Host.Trim('[', ']');
        string? sslMode = null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (key)
            {
                case "sslmode" when SslModes.Contains(value):
                    sslMode = value;
                    break;
                case "sslmode":
                    throw new FormatException($"the store URL's sslmode must be one of {string.Join(", ", SslModes)}");
                case "host" when value.Length > 0:
                    host = value;
                    break;
                case "password":
                    throw new FormatException(PasswordInUrl);
                default:
                    throw new FormatException("the store URL may only set sslmode and host after '?'");
            }
        }
        return new StoreLocation(StoreKind.Postgres)
        {
            Host = host ?? throw new FormatException(
                "the store URL names no host: use postgresql://user@host:port/database (or ?host=/run/postgresql for a unix socket)"),
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
            Database = database,
            User = string.IsNullOrEmpty(userInfo) ? null : Uri.UnescapeDataString(userInfo),
            SslMode = sslMode,
        };
    }

    private static string PasswordInUrl =>
        $"the store URL holds a password: remove it from the URL and give it in {PasswordVariables[0]} (or {PasswordVariables[1]}) instead, so that it never sits in a file or a log";

    /// <summary>The password from the environment (<see cref="PasswordVariables"/>), or null.</summary>
    public static string? PasswordFrom(Func<string, string?> environment) =>
        PasswordVariables.Select(environment).FirstOrDefault(p => !string.IsNullOrEmpty(p));

    /// <summary>What the store is, for messages: the SQLite path, or the URL without a password.</summary>
    public string Description => Kind == StoreKind.Sqlite
        ? SqlitePath!
        : $"postgresql://{(User is null ? "" : Uri.EscapeDataString(User) + "@")}{(Host!.StartsWith('/') ? "" : HostForUrl())}" +
          $"{(Host.StartsWith('/') || Port == DefaultPort ? "" : ":" + Port.ToString(CultureInfo.InvariantCulture))}/{Uri.EscapeDataString(Database!)}" +
          $"{(Host.StartsWith('/') ? "?host=" + Host : "")}";

    private string HostForUrl() => Host!.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    public override string ToString() => Description;
}

public enum StoreKind
{
    Sqlite,
    Postgres,
}
