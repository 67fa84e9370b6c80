using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Sources;

public sealed class RepositoryAddressTests : IDisposable
{
    private readonly TempDirectory baseDirectory = new("gitbrief-addr");

    public void Dispose() => baseDirectory.Dispose();

    private RepositoryAddress Parse(string text) => RepositoryAddress.Parse(text, baseDirectory.Path);

    private string Cache => baseDirectory.Combine("cache");

    [Theory]
    [InlineData("sgl-project/sglang", "sglang", "sgl-project/sglang")]
    [InlineData("vllm-project/vllm.git", "vllm", "vllm-project/vllm")]
    [InlineData("  ggml-org/llama.cpp  ", "llama.cpp", "ggml-org/llama.cpp")]
    public void GitHub_shorthand_becomes_an_https_github_url(string text, string name, string display)
    {
        var address = Parse(text);

        Assert.True(address.IsRemote);
        Assert.Null(address.LocalPath);
        Assert.Equal($"https://github.com/{display}.git", address.RemoteUrl);
        Assert.Equal(name, address.Name);
        Assert.Equal(display, address.DisplayName);
        Assert.Equal(Path.Combine(Cache, "mirrors", "github.com", display.Split('/')[0], name + ".git"), address.MirrorPath(Cache));
    }

    [Fact]
    public void Shorthand_that_names_an_existing_directory_is_a_local_path()
    {
        Directory.CreateDirectory(baseDirectory.Combine("team", "service"));

        var address = Parse("team/service");

        Assert.False(address.IsRemote);
        Assert.Equal(baseDirectory.Combine("team", "service"), address.LocalPath);
        Assert.Equal("service", address.Name);
        Assert.Throws<InvalidOperationException>(() => address.MirrorPath(Cache));
    }

    [Theory]
    [InlineData("https://github.com/sgl-project/sglang", "github.com", "sgl-project/sglang", "sglang")]
    [InlineData("https://github.com/sgl-project/sglang.git", "github.com", "sgl-project/sglang", "sglang")]
    [InlineData("https://gitlab.example.com/group/sub/service.git", "gitlab.example.com", "sub/service", "service")]
    [InlineData("ssh://git@gitlab.example.com:2222/team/service.git", "gitlab.example.com", "team/service", "service")]
    [InlineData("git@gitlab.example.com:team/service.git", "gitlab.example.com", "team/service", "service")]
    [InlineData("git@github.com:owner/repo", "github.com", "owner/repo", "repo")]
    public void Remote_urls_keep_the_url_and_name_the_repository_by_its_last_segment(string url, string host, string display, string name)
    {
        var address = Parse(url);

        Assert.True(address.IsRemote);
        Assert.Equal(url, address.RemoteUrl);
        Assert.Equal(name, address.Name);
        Assert.Equal(display, address.DisplayName);
        Assert.True(RepositoryAddress.TryParseRemote(url, out var parsedHost, out _));
        Assert.Equal(host, parsedHost);
    }

    [Theory]
    [InlineData("https://github.com/sgl-project/sglang.git", "github.com/sgl-project/sglang.git")]
    [InlineData("https://gitlab.example.com/group/sub/service", "gitlab.example.com/group/sub/service.git")]
    [InlineData("ssh://git@gitlab.example.com:2222/team/service.git", "gitlab.example.com/team/service.git")]
    [InlineData("git@gitea.example.org:team/service.git", "gitea.example.org/team/service.git")]
    public void Mirror_paths_follow_host_owner_repo(string url, string relative)
    {
        var path = Parse(url).MirrorPath(Cache);

        Assert.Equal(Path.Combine([Cache, "mirrors", .. relative.Split('/')]), path);
    }

    [Fact]
    public void Mirror_paths_never_escape_the_cache_directory()
    {
        var path = Path.GetFullPath(Parse("git@evil.example.com:../../../etc/passwd").MirrorPath(Cache));

        Assert.StartsWith(Path.Combine(Cache, "mirrors") + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
        Assert.DoesNotContain("..", path.Split(Path.DirectorySeparatorChar));
    }

    [Fact]
    public void File_urls_are_remote_and_mirrored_under_a_hashed_local_folder()
    {
        var address = Parse("file:///srv/git/project.git");

        Assert.True(address.IsRemote);
        Assert.Equal("file:///srv/git/project.git", address.RemoteUrl);
        Assert.Equal("project", address.Name);
        Assert.Equal("project", address.DisplayName);
        var relative = Path.GetRelativePath(Path.Combine(Cache, "mirrors"), address.MirrorPath(Cache)).Split(Path.DirectorySeparatorChar);
        Assert.Equal(3, relative.Length);
        Assert.Equal("local", relative[0]);
        Assert.Matches("^[0-9a-f]{12}$", relative[1]);
        Assert.Equal("project.git", relative[2]);
        Assert.NotEqual(address.MirrorPath(Cache), Parse("file:///other/place/project.git").MirrorPath(Cache));
        Assert.Equal(address.MirrorPath(Cache), Parse("file:///srv/git/project.git").MirrorPath(Cache));
    }

    [Fact]
    public void Local_paths_resolve_against_the_base_directory()
    {
        var relative = Parse("../checkouts/my-service");
        var absolute = Parse(baseDirectory.Combine("work", "tool.git") + "/");
        var current = Parse(".");

        Assert.False(relative.IsRemote);
        Assert.Equal(Path.GetFullPath(Path.Combine(baseDirectory.Path, "..", "checkouts", "my-service")), relative.LocalPath);
        Assert.Equal("my-service", relative.Name);
        Assert.Equal("tool", absolute.Name);
        Assert.Equal(Path.GetFileName(baseDirectory.Path), current.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_address_is_rejected(string text) =>
        Assert.Throws<FormatException>(() => Parse(text));
}
