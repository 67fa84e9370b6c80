using Gitbrief.Tests.Support;
using Npgsql;

namespace Gitbrief.Tests.Store;

/// <summary>The test cluster itself: it answers on loopback with the password only, gives each class its own database,
/// and comes back after a restart that cut every connection.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClusterTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_new_database_answers_with_the_password_and_refuses_a_wrong_one()
    {
        var database = await cluster.CreateDatabaseAsync("cluster");
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString(database)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT current_database()";
            Assert.Equal(database, await command.ExecuteScalarAsync());
        }
        var wrong = new NpgsqlConnectionStringBuilder(cluster.ConnectionString(database)) { Password = "not-it" }.ConnectionString;
        await using var refused = new NpgsqlConnection(wrong);
        var error = await Assert.ThrowsAsync<PostgresException>(() => refused.OpenAsync());
        Assert.Equal("28P01", error.SqlState);
    }

    [Fact]
    public async Task A_restart_cuts_open_connections_and_the_server_answers_again()
    {
        var database = await cluster.CreateDatabaseAsync("restart");
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(database));
        await connection.OpenAsync();
        await cluster.RestartAsync();
        await using (var stale = connection.CreateCommand())
        {
            stale.CommandText = "SELECT 1";
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => stale.ExecuteScalarAsync());
        }
        await using var fresh = new NpgsqlConnection(cluster.ConnectionString(database));
        await fresh.OpenAsync();
        await using var command = fresh.CreateCommand();
        command.CommandText = "SELECT 1";
        Assert.Equal(1, await command.ExecuteScalarAsync());
    }
}
