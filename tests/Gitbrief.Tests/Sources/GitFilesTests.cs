using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Sources;

/// <summary>The branch and origin URL read from a repository's files (no git process) are git's own answers, or none at
/// all (git is asked then): checked against git itself on every layout and config spelling.</summary>
public sealed class GitFilesTests : IDisposable
{
    private readonly TestRepository repo = TestRepository.Create("files");

    public GitFilesTests() => repo.Write("a.txt", "a\n").Commit("first", "2026-01-12T10:00:00+08:00");

    public void Dispose() => repo.Dispose();

    private static string? GitsOrigin(string directory)
    {
        var result = GitProcess.TryRun(directory, null, "config", "--get", "remote.origin.url");
        return result.ExitCode == 0 ? result.Output.TrimEnd('\n') : null;
    }

    private void AppendConfig(string text) => File.AppendAllText(Path.Combine(repo.Path, ".git", "config"), text);

    [Theory]
    [InlineData("[remote \"origin\"]\n\turl = https://github.com/acme/engine.git\n", true)]
    [InlineData("[remote \"origin\"]\n  url=git@github.com:acme/engine.git\n  fetch = +refs/heads/*:refs/remotes/origin/*\n", true)]
    [InlineData("[Remote \"origin\"]\n\tURL = https://example.com/a.git\n", true)]
    [InlineData("[remote.origin]\n\turl = https://example.com/dotted.git\n", true)]
    [InlineData("[remote \"origin\"]\n\turl = https://example.com/one.git\n[remote \"origin\"]\n\turl = https://example.com/two.git\n", true)]
    [InlineData("[remote \"upstream\"]\n\turl = https://example.com/upstream.git\n", false)]
    [InlineData("[remote \"Origin\"]\n\turl = https://example.com/case.git\n", false)]
    [InlineData("[remote \"origin\"]\n\turl = \"https://example.com/quoted.git\"\n", false)]
    [InlineData("[remote \"origin\"]\n\turl = https://example.com/commented.git # the mirror\n", false)]
    [InlineData("[remote \"origin\"]\n\turl = https://example.com/\\\ncontinued.git\n", false)]
    [InlineData("[remote \"origin\"] url = https://example.com/same-line.git\n", false)]
    [InlineData("[remote \"origin\"]\n\turl = https://example.com/a.git\n[include]\n\tpath = other.config\n", false)]
    [InlineData("[extensions]\n\tworktreeConfig = true\n[remote \"origin\"]\n\turl = https://example.com/a.git\n", false)]
    public void The_origin_url_read_from_the_config_is_gits_or_git_is_asked(string config, bool readWithoutGit)
    {
        AppendConfig(config);
        File.WriteAllText(Path.Combine(repo.Path, ".git", "other.config"), "[remote \"origin\"]\n\turl = https://example.com/included.git\n");

        var read = GitFiles.OriginUrl(repo.Path);

        Assert.Equal(readWithoutGit, read is not null);
        if (read is not null)
        {
            Assert.Equal(GitsOrigin(repo.Path), read);
        }
    }

    [Fact]
    public void A_linked_work_tree_and_a_bare_clone_read_the_common_config_and_their_own_head()
    {
        AppendConfig("[remote \"origin\"]\n\turl = https://example.com/shared.git\n");
        repo.Git("branch", "feature/parser");
        using var linked = new TempDirectory("gitbrief-linked");
        var tree = Path.Combine(linked.Path, "tree");
        repo.Git("worktree", "add", "-q", tree, "feature/parser");
        var bare = repo.CloneBare("files-bare");

        Assert.Equal(("feature/parser", "https://example.com/shared.git"), (GitFiles.HeadBranch(tree), GitFiles.OriginUrl(tree)));
        Assert.Equal(GitProcess.Run(tree, "rev-parse", "--abbrev-ref", "HEAD"), GitFiles.HeadBranch(tree));
        Assert.Equal(GitProcess.Run(bare, "rev-parse", "--abbrev-ref", "HEAD"), GitFiles.HeadBranch(bare));
        Assert.Equal(GitsOrigin(bare), GitFiles.OriginUrl(bare));
    }

    [Fact]
    public void A_detached_head_is_HEAD_and_a_subdirectory_is_left_to_git()
    {
        var branch = GitFiles.HeadBranch(repo.Path);
        repo.Git("checkout", "-q", "--detach");

        Assert.Equal(("main", "HEAD"), (branch, GitFiles.HeadBranch(repo.Path)));
        Assert.Equal("HEAD", GitProcess.Run(repo.Path, "rev-parse", "--abbrev-ref", "HEAD"));
        Directory.CreateDirectory(Path.Combine(repo.Path, "src"));
        Assert.Null(GitFiles.HeadBranch(Path.Combine(repo.Path, "src")));
    }

    [Fact]
    public async Task A_report_of_a_plain_clone_names_its_branch_and_links_its_origin_as_git_does()
    {
        AppendConfig("[remote \"origin\"]\n\turl = https://github.com/acme/engine.git\n");
        var history = new GitHistory(repo.Path);
        var start = new DateTimeOffset(2026, 1, 12, 0, 0, 0, TimeSpan.FromHours(8));
        history.StartListing(GitHistory.Head, start, start.AddDays(1), false, CancellationToken.None);

        var (revision, branch) = await history.ResolveBranchAsync(null, CancellationToken.None);
        var origin = await history.OriginUrlAsync(CancellationToken.None);
        var commits = await history.ReadAsync(revision, start, start.AddDays(1), false, CancellationToken.None);

        Assert.Equal((GitHistory.Head, "main", "https://github.com/acme/engine.git"), (revision, branch, origin));
        Assert.Single(commits);
    }
}
