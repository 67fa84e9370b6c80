namespace Gitbrief.Sources;

/// <summary>An exclusive lock on a mirror, held as an open lock file, so that two Gitbrief processes
/// (or two workers) never fetch into the same mirror at once. Polls until a deadline.</summary>
internal sealed class MirrorLock : IAsyncDisposable
{
    private readonly FileStream stream;

    private MirrorLock(FileStream stream) => this.stream = stream;

    public static async Task<MirrorLock> AcquireAsync(string path, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(30));
        while (true)
        {
            try
            {
                return new MirrorLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
