namespace Gitbrief.Output;

/// <summary>Writes files atomically (temporary file + rename), so a crash never leaves half a report,
/// and leaves a file untouched when its bytes are already the same. A full or read-only disk is an
/// <see cref="Common.EnvironmentException"/> naming the file (not the temporary one) and what to do.</summary>
internal static class FileWriter
{
    /// <summary>Returns true when the file was created or changed.</summary>
    public static async Task<bool> WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteOrThrowAsync(path, content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not Common.EnvironmentException)
        {
            throw new Common.EnvironmentException(Common.EnvironmentFaults.Describe(e, path, "directory (--out, or the target's path)"), e);
        }
    }

    /// <summary>The file's bytes are read, written and renamed with synchronous calls: a report is a few kilobytes, and
    /// .NET's asynchronous file I/O on Linux is the same call run on another thread-pool thread, two thread switches for
    /// every read and write (a backfill of years writes thousands of files).</summary>
    private static Task<bool> WriteOrThrowAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A file of another length differs: it is not read.
        if (new FileInfo(path) is { Exists: true } file && file.Length == content.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(content.Span))
        {
            return Task.FromResult(false);
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var moved = false;
        try
        {
            File.WriteAllBytes(temporary, content.Span);
            File.Move(temporary, path, overwrite: true);
            moved = true;
        }
        finally
        {
            if (!moved)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // It was never created (a read-only directory), or goes with the directory.
                }
            }
        }
        return Task.FromResult(true);
    }
}
