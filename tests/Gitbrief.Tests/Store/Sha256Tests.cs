using System.Security.Cryptography;
using Gitbrief.Common;
using Gitbrief.Store;

namespace Gitbrief.Tests.Store;

/// <summary>The store's unit keys and report hashes are SHA-256 (a store written by an earlier version is still found),
/// whether the digest is computed by gitbrief's own code (small inputs) or by OpenSSL (large ones).</summary>
public sealed class Sha256Tests
{
    [Fact]
    public void Every_length_hashes_as_sha256_does()
    {
        var random = new Random(12);
        int[] lengths = [.. Enumerable.Range(0, 200), 1000, 4096, 65_537, Sha256.ManagedLimit - 1, Sha256.ManagedLimit, Sha256.ManagedLimit + 1, 1 << 20];
        foreach (var length in lengths)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), Sha256.HexOf(data));
            var digest = new byte[32];
            Sha256.HashHere(data, digest);
            Assert.Equal(SHA256.HashData(data), digest);
        }
    }

    [Fact]
    public void A_run_that_hashes_more_than_its_budget_gets_the_same_digests()
    {
        var random = new Random(13);
        var reports = Enumerable.Range(0, 12).Select(_ => new byte[200_000]).ToList();
        reports.ForEach(random.NextBytes);

        // Past Sha256.ManagedBudget (1 MiB) the rest goes to OpenSSL: the digests are the same either way.
        Assert.Equal(reports.Select(r => Convert.ToHexStringLower(SHA256.HashData(r))), reports.Select(r => Sha256.HexOf(r)));
    }

    [Fact]
    public void Known_digests_and_a_stored_unit_key_are_unchanged()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.HexOf([]));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.HexOf("abc"u8));
        Assert.Equal("beb7ebe8adb9f104", WorkUnitKey.VariantOf("main", "no-merges", "Zh", "rules"));
    }
}
