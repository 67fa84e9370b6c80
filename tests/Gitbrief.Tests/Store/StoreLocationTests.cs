using Gitbrief.Configuration;
using Gitbrief.Common;
using Gitbrief.Pipeline;
using Gitbrief.Store;

namespace Gitbrief.Tests.Store;

/// <summary>Reading <c>store:</c> and GITBRIEF_STORE: a PostgreSQL URL without a password, else a SQLite file; the
/// default stays gitbrief.db in the cache directory.</summary>
public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("postgresql://gitbrief@db.internal:6543/briefs", "db.internal", 6543, "briefs", "gitbrief", null)]
    [InlineData("postgres://ops@10.0.0.5/gitbrief?sslmode=verify-full", "10.0.0.5", 5432, "gitbrief", "ops", "verify-full")]
    [InlineData("postgresql://gitbrief@/gitbrief?host=/run/postgresql", "/run/postgresql", 5432, "gitbrief", "gitbrief", null)]
    [InlineData("postgresql://[::1]:5433/my%20db", "::1", 5433, "my db", null, null)]
    public void A_postgresql_url_gives_host_port_database_user_and_tls(string url, string host, int port, string database, string? user, string? ssl)
    {
        var location = StoreLocation.Parse(url);

        Assert.Equal(StoreKind.Postgres, location.Kind);
        Assert.Equal((host, port, database, user, ssl), (location.Host, location.Port, location.Database, location.User, location.SslMode));
        Assert.Equal(location.Description, StoreLocation.Parse(location.Description).Description);
    }

    [Theory]
    [InlineData("postgresql://gitbrief:s3cr3t-pw@db/gitbrief", "holds a password")]
    [InlineData("postgresql://gitbrief:@db/gitbrief", "holds a password")]
    [InlineData("postgresql://gitbrief@db/gitbrief?password=s3cr3t-pw", "holds a password")]
    [InlineData("postgresql://gitbrief@db/", "names no database")]
    [InlineData("postgresql://gitbrief@db/gitbrief?sslmode=maybe", "sslmode must be one of")]
    [InlineData("postgresql://gitbrief@db/gitbrief?options=-c%20x", "may only set sslmode and host")]
    public void A_bad_url_is_refused_without_repeating_it(string url, string reason)
    {
        var error = Assert.Throws<FormatException>(() => StoreLocation.Parse(url));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("db/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_config_key_names_its_line_and_the_default_stays_the_sqlite_file_in_the_cache()
    {
        var error = Assert.Throws<UsageException>(() => ConfigLoader.Parse("timezone: UTC\n\nstore: postgresql://u:s3cr3t-pw@h/d\n", "gitbrief.yaml"));
        Assert.StartsWith("gitbrief.yaml:3: the store URL holds a password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);

        var none = RequestResolver.ResolveStore(GitbriefConfig.Empty, _ => null, "/cache", "/srv/team");
        var fromEnvironment = RequestResolver.ResolveStore(GitbriefConfig.Empty, n => n == "GITBRIEF_STORE" ? "postgresql://u@h/d" : null, "/cache", "/srv/team");
        var fromConfig = RequestResolver.ResolveStore(
            ConfigLoader.Parse("store: briefs/store.db\n", "gitbrief.yaml"), n => n == "GITBRIEF_STORE" ? "postgresql://u@h/d" : null, "/cache", "/srv/team");

        Assert.Equal((StoreKind.Sqlite, "/cache/gitbrief.db"), (none.Kind, none.SqlitePath));
        Assert.Equal("postgresql://u@h/d", fromEnvironment.Description);
        Assert.Equal((StoreKind.Sqlite, "/srv/team/briefs/store.db"), (fromConfig.Kind, fromConfig.SqlitePath));
    }
}
