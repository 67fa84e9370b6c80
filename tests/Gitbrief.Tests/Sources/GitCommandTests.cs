using Gitbrief.Sources;

namespace Gitbrief.Tests.Sources;

/// <summary>git runs with glibc's heap trim threshold raised (its diffs no longer hand pages back and fault them in again);
/// tunables the user set for git stay as they are, a trim threshold of their own included.</summary>
public sealed class GitCommandTests
{
    [Theory]
    [InlineData(null, "glibc.malloc.trim_threshold=4194304")]
    [InlineData("", "glibc.malloc.trim_threshold=4194304")]
    [InlineData("glibc.malloc.arena_max=2", "glibc.malloc.arena_max=2:glibc.malloc.trim_threshold=4194304")]
    [InlineData("glibc.malloc.trim_threshold=65536", "glibc.malloc.trim_threshold=65536")]
    [InlineData("glibc.malloc.arena_max=2:glibc.malloc.trim_threshold=0", "glibc.malloc.arena_max=2:glibc.malloc.trim_threshold=0")]
    public void The_users_tunables_are_kept(string? tunables, string expected) =>
        Assert.Equal(expected, GitCommand.WithTrimThreshold(tunables));
}
