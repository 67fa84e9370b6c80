using Gitbrief.Common;
using Microsoft.Data.Sqlite;

namespace Gitbrief.Store;

/// <summary>Faults of the disk under the store (full, read-only, I/O error, locked, damaged) become an
/// <see cref="EnvironmentException"/> naming the file and what to do, instead of SQLite's bare error.</summary>
internal static class StoreFaults
{
    private const int Permission = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int NoMemory = 7;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CannotOpen = 14;
    private const int Authorization = 23;
    private const int NotADatabase = 26;

    public static bool IsEnvironmental(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is Permission or Busy or Locked or NoMemory or ReadOnly or IoError or Corrupt or Full or CannotOpen or Authorization or NotADatabase,
        IOException or UnauthorizedAccessException => true,
        _ => false,
    };

    public static EnvironmentException From(Exception e, string path)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        const string elsewhere = "or point --cache-dir (cache_dir:) somewhere else";
        var message = e switch
        {
            SqliteException { SqliteErrorCode: Full } =>
                $"the store {path}: the disk is full; free some space there {elsewhere}",
            SqliteException { SqliteErrorCode: IoError } when NearlyFull(directory) =>
                $"the store {path}: the disk is full; free some space there {elsewhere}",
            SqliteException { SqliteErrorCode: IoError } =>
                $"the store {path}: disk I/O error (a full, failing or read-only disk); check the disk under {directory} {elsewhere}",
            SqliteException { SqliteErrorCode: ReadOnly or Permission or Authorization } =>
                $"the store {path} is read-only; make {directory} writable {elsewhere}",
            SqliteException { SqliteErrorCode: CannotOpen } =>
                $"the store {path} cannot be opened; make sure {directory} exists and is writable {elsewhere}",
            SqliteException { SqliteErrorCode: Busy or Locked } =>
                $"the store {path} stayed locked by another process for 30 s; run again when it is done",
            SqliteException { SqliteErrorCode: Corrupt or NotADatabase } =>
                $"the store {path} is damaged; move it aside and run again (it holds the LLM cache and the publish ledger: without it, chat and mail of days already sent go out again)",
            SqliteException =>
                $"the store {path}: out of memory",
            _ => EnvironmentFaults.Describe(e, path, "--cache-dir (cache_dir:)"),
        };
        return new EnvironmentException(message, e);
    }

    /// <summary>SQLite reports some writes on a full disk as a plain I/O error: look at the free space.</summary>
    private static bool NearlyFull(string directory)
    {
        try
        {
            return new DriveInfo(directory).AvailableFreeSpace < 256 * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
