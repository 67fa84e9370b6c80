using System.Reflection;
using System.Text;
using Gitbrief.Common;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Sources;

public sealed class MirrorCacheTests : IDisposable
{
    private readonly TestRepository origin = TestRepository.Create("upstream");
    private readonly TempDirectory cache = new("gitbrief-cache");

    public void Dispose()
    {
        origin.Dispose();
        cache.Dispose();
    }

    private static async Task<IReadOnlyList<string>> ShasAsync(string mirror, string day)
    {
        var history = new GitHistory(mirror);
        var (revision, _) = await history.ResolveBranchAsync(null, CancellationToken.None);
        var start = DateTimeOffset.Parse(day + "T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        var commits = await history.ReadAsync(revision, start, start.AddDays(1), false, CancellationToken.None);
        return commits.Select(c => c.Sha).ToList();
    }

    [Fact]
    public async Task A_file_remote_is_mirrored_under_the_cache_and_fetched_incrementally()
    {
        var first = origin.Write("a.txt", "a\n").Commit("first", "2026-01-12T10:00:00+08:00");
        var bare = origin.CloneBare("upstream.git");
        var address = RepositoryAddress.Parse(new Uri(bare).AbsoluteUri, cache.Path);
        var mirrors = new MirrorCache(cache.Path, token: null);

        var mirror = await mirrors.UpdateAsync(address, CancellationToken.None);

        Assert.Equal(address.MirrorPath(cache.Path), mirror);
        Assert.StartsWith(cache.Combine("mirrors") + Path.DirectorySeparatorChar, mirror, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(mirror, "objects")));
        Assert.Equal("true", GitProcess.Run(mirror, "rev-parse", "--is-bare-repository"));
        Assert.Equal("refs/heads/main", GitProcess.Run(mirror, "symbolic-ref", "HEAD"));
        Assert.Equal([first], await ShasAsync(mirror, "2026-01-12"));

        var second = origin.Write("b.txt", "b\n").Commit("second", "2026-01-12T11:00:00+08:00");
        origin.Git("push", "-q", bare, "main");
        var again = await mirrors.UpdateAsync(address, CancellationToken.None);

        Assert.Equal(mirror, again);
        Assert.Equal([second, first], await ShasAsync(mirror, "2026-01-12"));
    }

    [Fact]
    public async Task Only_branches_are_fetched_and_deleted_branches_are_pruned()
    {
        origin.Write("a.txt", "a\n").Commit("first", "2026-01-12T10:00:00+08:00");
        origin.Git("branch", "doomed");
        origin.Git("tag", "v1.0");
        var bare = origin.CloneBare("upstream.git");
        GitProcess.Run(bare, "update-ref", "refs/pull/1/head", "refs/heads/main");
        var address = RepositoryAddress.Parse(new Uri(bare).AbsoluteUri, cache.Path);
        var mirrors = new MirrorCache(cache.Path, token: null);

        var mirror = await mirrors.UpdateAsync(address, CancellationToken.None);
        Assert.Equal(["refs/heads/doomed", "refs/heads/main"], GitProcess.Run(mirror, "for-each-ref", "--format=%(refname)").Split('\n'));

        GitProcess.Run(bare, "branch", "-D", "doomed");
        await mirrors.UpdateAsync(address, CancellationToken.None);
        Assert.Equal("refs/heads/main", GitProcess.Run(mirror, "for-each-ref", "--format=%(refname)"));
    }

    [Fact]
    public async Task An_unreachable_remote_fails_with_a_repository_error_and_leaves_no_mirror()
    {
        var missing = new Uri(cache.Combine("does-not-exist.git")).AbsoluteUri;
        var address = RepositoryAddress.Parse(missing, cache.Path);
        var mirrors = new MirrorCache(cache.Path, token: null);

        var error = await Assert.ThrowsAsync<RepositoryException>(() => mirrors.UpdateAsync(address, CancellationToken.None));

        Assert.StartsWith("cannot fetch " + missing, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(address.MirrorPath(cache.Path)));
    }

    [Fact]
    public void Describe_removes_user_info_from_urls()
    {
        Assert.Equal("https://github.com/o/r.git", MirrorCache.Describe("https://user:secret@github.com/o/r.git"));
        Assert.Equal("git@github.com:o/r.git", MirrorCache.Describe("git@github.com:o/r.git"));
    }

    // AuthConfig is private; reflection is the only way to observe which git configuration a fetch gets
    // without a network. The header must go to https://github.com only.
    [Theory]
    [InlineData("https://github.com/o/r.git", true)]
    [InlineData("https://GitHub.com/o/r", true)]
    [InlineData("http://github.com/o/r.git", false)]
    [InlineData("git@github.com:o/r.git", false)]
    [InlineData("ssh://git@github.com/o/r.git", false)]
    [InlineData("https://gitlab.com/o/r.git", false)]
    [InlineData("https://github.com.evil.example/o/r.git", false)]
    [InlineData("file:///srv/github.com/o/r.git", false)]
    public void The_token_header_is_configured_only_for_https_github(string url, bool expected)
    {
        const string token = "ghp_unit_test_token_value_1234567890";
        var method = typeof(MirrorCache).GetMethod("AuthConfig", BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.NotNull(method);

        var withToken = (IReadOnlyDictionary<string, string>)method.Invoke(new MirrorCache(cache.Path, token), [url])!;
        var withoutToken = (IReadOnlyDictionary<string, string>)method.Invoke(new MirrorCache(cache.Path, null), [url])!;

        Assert.Empty(withoutToken);
        if (!expected)
        {
            Assert.Empty(withToken);
            return;
        }
        var (key, value) = Assert.Single(withToken);
        Assert.Equal("http.https://github.com/.extraheader", key);
        Assert.Equal("AUTHORIZATION: basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token)), value);
        Assert.DoesNotContain(token, value, StringComparison.Ordinal);
    }
}
