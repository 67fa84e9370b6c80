using Gitbrief.Common;

namespace Gitbrief.Store;

/// <summary>Claims held by a run: each is released once its work is confirmed; disposing releases the rest (the
/// work failed or was interrupted, so another run may do it at once).</summary>
internal sealed class HeldClaims(ClaimKeeper keeper, List<ClaimKey> keys) : IAsyncDisposable
{
    private readonly Lock gate = new();

    /// <summary>Who holds these claims, for a store transaction that releases one of them with the work it covered
    /// (<see cref="UnitCompletion"/>).</summary>
    public string Owner => keeper.Owner;

    /// <summary>Whether <paramref name="key"/> is still held (not yet released).</summary>
    public bool Holds(ClaimKey key)
    {
        lock (gate)
        {
            return keys.Contains(key);
        }
    }

    /// <summary>Forgets <paramref name="key"/> once the store released it in the transaction of its work: disposing no
    /// longer releases it.</summary>
    public void Released(ClaimKey key)
    {
        lock (gate)
        {
            keys.Remove(key);
        }
    }

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
