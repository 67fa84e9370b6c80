using System.Net.Sockets;
using Gitbrief.Common;
using Npgsql;

namespace Gitbrief.Store;

/// <summary>PostgreSQL's faults (refused, unreachable, wrong password, no such database, shut down) become an
/// <see cref="EnvironmentException"/> that names the database by its URL without a password and says what to do.
/// The driver's own message is never passed on as it is, and the process's secrets are scrubbed from what is.</summary>
internal static class PostgresFaults
{
    public static bool IsEnvironmental(Exception e) => e is NpgsqlException or SocketException or TimeoutException or IOException;

    /// <summary>Worth trying again on a new connection: the connection broke, the server is starting or shutting down,
    /// or the transaction lost a serialization race or a deadlock.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        PostgresException p => p.SqlState is "57P01" or "57P02" or "57P03" or "40001" or "40P01" or "08000" or "08003" or "08006" or "53300",
        NpgsqlException n => n.IsTransient,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    public static EnvironmentException From(Exception e, StoreLocation location)
    {
        var store = $"the PostgreSQL store {location.Description}";
        var passwords = string.Join(" or ", StoreLocation.PasswordVariables);
        var message = e switch
        {
            PostgresException { SqlState: "28P01" or "28000" } =>
                $"{store}: the server refused the login ({Clean(((PostgresException)e).MessageText)}); set the password in {passwords}",
            PostgresException { SqlState: "3D000" } =>
                $"{store}: the database does not exist; create it (createdb, or CREATE DATABASE) and run again",
            PostgresException { SqlState: "57P01" or "57P02" or "57P03" } =>
                $"{store}: the server is shutting down or starting up and did not come back in time; run again when it is up",
            PostgresException p =>
                $"{store}: {Clean(p.MessageText)} (SQLSTATE {p.SqlState})",
            _ when Find<SocketException>(e) is { } socket =>
                $"{store}: cannot connect ({Clean(socket.Message)}); check that the server runs and that this machine may reach it",
            _ when Find<TimeoutException>(e) is not null =>
                $"{store}: the server did not answer in time; check that it runs and that this machine may reach it",
            _ =>
                $"{store}: {Clean(e.Message)}",
        };
        return new EnvironmentException(message, e);
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }
        return null;
    }

    private static string Clean(string text) => SecretRedactor.Redact(text.ReplaceLineEndings(" ").Trim());
}
