using Gitbrief.Store;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Store;

/// <summary>The claims in a real SQLite store, with explicit instants: who gets a key, when a lease runs out, and that
/// a set of keys is claimed all or none.</summary>
public sealed class ClaimStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly ClaimKey Monday = ClaimKey.Delivery("webhook:slack", "acme/widgets", new DateOnly(2026, 2, 23));
    private static readonly ClaimKey Tuesday = ClaimKey.Delivery("webhook:slack", "acme/widgets", new DateOnly(2026, 2, 24));

    private readonly TempDirectory directory = new("gitbrief-claims");
    private SqliteStore store = null!;
    private SqliteStore other = null!;

    public async Task InitializeAsync()
    {
        // Two connections to one file, as two processes have.
        store = await SqliteStore.OpenAsync(directory.Combine("gitbrief.db"), CancellationToken.None);
        other = await SqliteStore.OpenAsync(directory.Combine("gitbrief.db"), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        await other.DisposeAsync();
        directory.Dispose();
    }

    private static ClaimRequest[] Keys(params ClaimKey[] keys) => [.. keys.Select(k => new ClaimRequest(k, "hash"))];

    [Fact]
    public async Task A_live_claim_keeps_others_out_until_its_lease_runs_out_and_then_anyone_may_take_it()
    {
        Assert.True((await store.TryClaimAsync(Keys(Monday), "a", T0, Lease, CancellationToken.None)).Acquired);

        var during = await other.TryClaimAsync(Keys(Monday), "b", T0.AddSeconds(59), Lease, CancellationToken.None);
        var after = await other.TryClaimAsync(Keys(Monday), "b", T0.AddSeconds(61), Lease, CancellationToken.None);

        Assert.False(during.Acquired);
        Assert.Equal("a", during.Holder);
        Assert.Equal(T0 + Lease, during.HeldUntil);
        Assert.True(after.Acquired);
        Assert.Equal(0, await store.RenewAsync("a", T0.AddSeconds(62), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_renewed_lease_keeps_the_claim_and_a_released_one_is_free_at_once()
    {
        await store.TryClaimAsync(Keys(Monday), "a", T0, Lease, CancellationToken.None);
        Assert.Equal(1, await store.RenewAsync("a", T0.AddSeconds(50), Lease, CancellationToken.None));

        Assert.False((await other.TryClaimAsync(Keys(Monday), "b", T0.AddSeconds(100), Lease, CancellationToken.None)).Acquired);
        await store.ReleaseAsync([Monday], "a", CancellationToken.None);
        Assert.True((await other.TryClaimAsync(Keys(Monday), "b", T0.AddSeconds(101), Lease, CancellationToken.None)).Acquired);
    }

    [Fact]
    public async Task A_set_of_keys_is_claimed_all_or_none()
    {
        await store.TryClaimAsync(Keys(Tuesday), "a", T0, Lease, CancellationToken.None);

        var both = await other.TryClaimAsync(Keys(Monday, Tuesday), "b", T0, Lease, CancellationToken.None);
        var mondayAlone = await store.TryClaimAsync(Keys(Monday), "c", T0, Lease, CancellationToken.None);

        Assert.False(both.Acquired);
        Assert.Equal(Tuesday, both.Blocked);
        Assert.True(mondayAlone.Acquired, "b's failed attempt must not keep Monday");
    }

    [Fact]
    public async Task Releasing_someone_elses_claim_does_nothing()
    {
        await store.TryClaimAsync(Keys(Monday), "a", T0, Lease, CancellationToken.None);

        await other.ReleaseAsync([Monday], "b", CancellationToken.None);

        Assert.False((await other.TryClaimAsync(Keys(Monday), "b", T0.AddSeconds(1), Lease, CancellationToken.None)).Acquired);
    }
}
