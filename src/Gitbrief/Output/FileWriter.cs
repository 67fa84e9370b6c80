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

    private static async Task<bool> WriteOrThrowAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        // A file of another length differs: it is not read.
        if (new FileInfo(path) is { Exists: true } file && file.Length == content.Length)
        {
            var existing = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            if (existing.AsSpan().SequenceEqual(content.Span))
            {
                return false;
            }
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
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
        return true;
    }
}
