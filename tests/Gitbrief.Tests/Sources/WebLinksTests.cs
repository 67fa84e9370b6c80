using Gitbrief.Sources;

namespace Gitbrief.Tests.Sources;

public sealed class WebLinksTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Theory]
    [InlineData("https://github.com/sgl-project/sglang.git")]
    [InlineData("https://github.com/sgl-project/sglang")]
    [InlineData("git@github.com:sgl-project/sglang.git")]
    [InlineData("ssh://git@github.com/sgl-project/sglang.git")]
    public void GitHub_links(string remote)
    {
        var links = WebLinks.FromRemote(remote);

        Assert.Equal(HostKind.GitHub, links.Kind);
        Assert.Equal("https://github.com/sgl-project/sglang", links.BaseUrl);
        Assert.Equal($"https://github.com/sgl-project/sglang/commit/{Sha}", links.Commit(Sha));
        Assert.Equal("https://github.com/sgl-project/sglang/pull/1234", links.PullRequest(1234));
    }

    [Fact]
    public void GitLab_links()
    {
        var links = WebLinks.FromRemote("git@gitlab.example.com:group/sub/service.git");

        Assert.Equal(HostKind.GitLab, links.Kind);
        Assert.Equal("https://gitlab.example.com/group/sub/service", links.BaseUrl);
        Assert.Equal($"https://gitlab.example.com/group/sub/service/-/commit/{Sha}", links.Commit(Sha));
        Assert.Equal("https://gitlab.example.com/group/sub/service/-/merge_requests/7", links.PullRequest(7));
    }

    [Theory]
    [InlineData("https://codeberg.org/forgejo/forgejo.git", "https://codeberg.org/forgejo/forgejo")]
    [InlineData("https://gitea.example.com/team/app", "https://gitea.example.com/team/app")]
    public void Gitea_links(string remote, string baseUrl)
    {
        var links = WebLinks.FromRemote(remote);

        Assert.Equal(HostKind.Gitea, links.Kind);
        Assert.Equal($"{baseUrl}/commit/{Sha}", links.Commit(Sha));
        Assert.Equal($"{baseUrl}/pulls/42", links.PullRequest(42));
    }

    [Fact]
    public void A_forced_kind_applies_to_an_unknown_host()
    {
        var remote = "git@git.internal.example.com:team/service.git";

        Assert.Equal(WebLinks.None, WebLinks.FromRemote(remote));
        var links = WebLinks.FromRemote(remote, HostKind.GitLab);
        Assert.Equal("https://git.internal.example.com/team/service/-/commit/abc", links.Commit("abc"));
        Assert.Equal(WebLinks.None, WebLinks.FromRemote("https://github.com/o/r.git", HostKind.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("file:///srv/git/repo.git")]
    [InlineData("/srv/git/repo")]
    [InlineData("https://github.com/")]
    public void No_links_without_a_web_host(string? remote)
    {
        var links = WebLinks.FromRemote(remote);

        Assert.Equal(HostKind.None, links.Kind);
        Assert.Null(links.Commit(Sha));
        Assert.Null(links.PullRequest(1));
    }
}
