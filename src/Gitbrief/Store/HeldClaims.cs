using Gitbrief.Common;

namespace Gitbrief.Store;

/// <summary>Claims held by a run: each is released once its work is confirmed; disposing releases the rest (the
/// work failed or was interrupted, so another run may do it at once).</summary>
internal sealed class HeldClaims(ClaimKeeper keeper, List<ClaimKey> keys) : IAsyncDisposable
{
    private readonly Lock gate = new();

    public async Task ReleaseAsync(ClaimKey key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!keys.Remove(key))
            {
                return;
            }
        }
        await keeper.ReleaseAsync([key], cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        List<ClaimKey> rest;
        lock (gate)
        {
            rest = [.. keys];
            keys.Clear();
        }
        try
        {
            await keeper.ReleaseAsync(rest, CancellationToken.None).ConfigureAwait(false);
        }
        catch (EnvironmentException)
        {
            // The store is failing: these claims run out with their lease.
        }
    }
}
