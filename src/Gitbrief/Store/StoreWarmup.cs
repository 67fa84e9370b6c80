using Microsoft.Data.Sqlite;

namespace Gitbrief.Store;

/// <summary>Loads SQLite on a pool thread while the command line is still being resolved. A process's first
/// <see cref="SqliteConnection"/> runs Microsoft.Data.Sqlite's static constructor — reflection over SQLitePCLRaw's
/// batteries, the native library found and loaded — about 6 ms of a Native AOT run (bench/README.md, "start13"); begun
/// here it is done before the run's first git starts, instead of sharing the two cores with it.</summary>
public static class StoreWarmup
{
    /// <summary>Starts loading SQLite and returns at once. Whatever fails here fails again, and is reported, when the run
    /// opens its store.</summary>
    public static void Begin() => _ = Task.Run(static () =>
    {
        try
        {
            using var connection = new SqliteConnection();
            _ = new SqliteConnectionStringBuilder();
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or InvalidOperationException)
        {
        }
    });
}
