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

            var expected = Convert.ToHexStringLower(SHA256.HashData(data));
            Assert.Equal(expected, Sha256.HexOf(data));
            // gitbrief's own code, which small inputs meet until a run of many days has loaded OpenSSL.
            var managed = new byte[32];
            Sha256.HashManaged(data, managed);
            Assert.Equal(expected, Convert.ToHexStringLower(managed));
        }
    }

    [Fact]
    public void Known_digests_and_a_stored_unit_key_are_unchanged()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.HexOf([]));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.HexOf("abc"u8));
        Assert.Equal("beb7ebe8adb9f104", WorkUnitKey.VariantOf("main", "no-merges", "Zh", "rules"));
    }
}
