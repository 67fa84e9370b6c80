namespace Gitbrief.Publishing;

/// <summary>Writes files atomically (temporary file + rename), so a crash never leaves half a report,
/// and leaves a file untouched when its bytes are already the same.</summary>
internal static class FileWriter
{
    /// <summary>Returns true when the file was created or changed.</summary>
    public static async Task<bool> WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            var existing = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            if (existing.AsSpan().SequenceEqual(content))
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
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
        return true;
    }
}
