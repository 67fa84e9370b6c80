using Npgsql;

namespace Gitbrief.Server;

/// <summary>Retries a database operation over a connection that broke (PostgreSQL restarting, a failover): a few
/// times, with a growing pause, for about a minute in all; then the error stands and the job's own retry takes over.</summary>
internal static class Transient
{
    private static readonly TimeSpan[] Pauses = [.. new[] { 0.2, 0.5, 1, 2, 4, 8, 15, 30 }.Select(TimeSpan.FromSeconds)];

    public static async Task<T> RetryAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await operation().ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < Pauses.Length && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Pauses[attempt], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static bool IsTransient(Exception e) => e switch
    {
        NpgsqlException { IsTransient: true } => true,
        PostgresException p => p.SqlState is "57P01" or "57P02" or "57P03" or "08006" or "08001" or "08003" or "08004",
        NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException or TimeoutException } => true,
        IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };
}
