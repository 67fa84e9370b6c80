using System.Text;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Pipeline;

/// <summary>What a repository is called (its heading and the folder of its reports) and which file each language
/// goes to, through the real command line: <c>name:</c>, bare mirrors named after their origin, a path ending in
/// .git named after its work tree, and <c>language: [zh, en]</c> writing both languages side by side.</summary>
public sealed class RepositoryNamingTests : IDisposable
{
    private const string Day = "2026-01-12";
    private readonly ReportWorkspace workspace = new();
    private readonly TempDirectory sources = new("gitbrief-sources");

    public void Dispose()
    {
        sources.Dispose();
        workspace.Dispose();
    }

    private TestRepository Repository(string folder, string name = "engine")
    {
        Directory.CreateDirectory(sources.Combine(folder));
        var repository = TestRepository.CreateIn(sources, Path.Combine(folder, name));
        repository.WriteLines($"src/{folder}.py", 20).Commit($"feat: {folder} change", $"{Day}T10:00:00+08:00");
        return repository;
    }

    private static string Heading(string markdown) => markdown.Split('\n').First(l => l.StartsWith("## ", StringComparison.Ordinal));

    private static string Utf8(string path) => new UTF8Encoding(false).GetString(File.ReadAllBytes(path));

    [Fact]
    public void Two_repositories_with_the_same_folder_name_are_told_apart_by_name()
    {
        var first = Repository("a");
        var second = Repository("b");
        workspace.WriteFile("gitbrief.yaml", $"repositories:\n  - {first.Path}\n  - repo: {second.Path}\n    name: engine-fork\n");

        var result = workspace.Cli("report", "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("feat: a change", workspace.Markdown("engine", Day), StringComparison.Ordinal);
        var fork = workspace.Markdown("engine-fork", Day);
        Assert.Contains("feat: b change", fork, StringComparison.Ordinal);
        Assert.Equal("## engine-fork", Heading(fork));
        Assert.Equal("engine-fork", workspace.Json("engine-fork", Day).GetProperty("repository").GetProperty("name").GetString());
    }

    [Fact]
    public void Without_a_name_the_clash_is_a_config_error_that_says_how_to_resolve_it()
    {
        var first = Repository("a");
        var second = Repository("b");

        AssertConfigErrorOnLine3($"repositories:\n  - {first.Path}\n  - {second.Path}\n", "give one of them a 'name:'");
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("")]
    public void A_name_that_is_not_a_folder_name_is_a_config_error(string name)
    {
        var repository = Repository("a");

        AssertConfigErrorOnLine3($"repositories:\n  - repo: {repository.Path}\n    name: '{name}'\n", "'name' must be a folder name");
    }

    private void AssertConfigErrorOnLine3(string yaml, string fragment)
    {
        workspace.WriteFile("gitbrief.yaml", yaml);

        var result = workspace.Cli("report", "--date", Day);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("gitbrief.yaml:3: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(fragment, result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://git.example.com/team/engine.git", "engine", "## team/engine")]
    [InlineData("https://github.com/sgl-project/sglang.git", "sglang", "## sgl-project/sglang")]
    [InlineData("git@git.example.com:team/engine.git", "engine", "## team/engine")]
    public void A_bare_mirror_is_named_after_its_origin(string origin, string name, string heading)
    {
        var work = Repository("w", "work");
        var mirror = sources.Combine("mirrors", "upstream", "repo.git");
        GitProcess.Run(sources.Path, "clone", "-q", "--mirror", work.Path, mirror);
        GitProcess.Run(mirror, "config", "remote.origin.url", origin);

        var result = workspace.Cli("report", "--repo", mirror, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(heading, Heading(workspace.Markdown(name, Day)));
        Assert.False(Directory.Exists(Path.Combine(workspace.Out, "2026", "repo")), "not named after the mirror's folder");
    }

    [Fact]
    public void A_bare_mirror_without_origin_keeps_its_folder_name()
    {
        var work = Repository("w", "work");
        var mirror = sources.Combine("engine.git");
        GitProcess.Run(sources.Path, "clone", "-q", "--bare", work.Path, mirror);
        GitProcess.Run(mirror, "remote", "remove", "origin");

        var result = workspace.Cli("report", "--repo", mirror, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(workspace.ReportExists("engine", Day), result.ToString());
    }

    [Fact]
    public void A_path_ending_in_dot_git_is_named_after_its_work_tree()
    {
        var repository = Repository("p", "project");

        var result = workspace.Cli("report", "--repo", Path.Combine(repository.Path, ".git"), "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("## project", Heading(workspace.Markdown("project", Day)));
        Assert.False(Directory.Exists(Path.Combine(workspace.Out, "2026", ".git")));
    }

    [Fact]
    public void Two_languages_are_written_side_by_side_the_first_keeping_the_plain_name()
    {
        var repository = Repository("a");
        workspace.WriteFile("gitbrief.yaml", $"language: [zh, en]\nrepositories:\n  - {repository.Path}\n");

        var result = workspace.Cli("report", "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("# 每日更新报告", workspace.Markdown("engine", Day), StringComparison.Ordinal);
        var english = Utf8(workspace.ReportPath("engine", Day, "en.md"));
        Assert.StartsWith("# Daily Update Report", english, StringComparison.Ordinal);
        Assert.Equal("Commit time", english.Split('\n').First(l => l.StartsWith("| ", StringComparison.Ordinal)).Split('|')[1].Trim());
        Assert.True(File.Exists(workspace.ReportPath("engine", Day, "en.json")));
        Assert.Equal(
            ["2026/engine/2026-01-12.en.json", "2026/engine/2026-01-12.en.md", "2026/engine/2026-01-12.json", "2026/engine/2026-01-12.md"],
            workspace.OutputFiles().Keys.Select(k => k.Replace('\\', '/')).ToList());
    }

    [Fact]
    public void Lang_en_no_longer_overwrites_the_chinese_report_of_the_same_day()
    {
        var repository = Repository("a");
        Assert.Equal(0, workspace.Cli("report", "--repo", repository.Path, "--date", Day).ExitCode);
        var chinese = File.ReadAllBytes(workspace.ReportPath("engine", Day, "md"));

        var result = workspace.Cli("report", "--repo", repository.Path, "--date", Day, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(chinese, File.ReadAllBytes(workspace.ReportPath("engine", Day, "md")));
        Assert.StartsWith("# Daily Update Report", Utf8(workspace.ReportPath("engine", Day, "en.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_configured_language_keeps_the_old_layout()
    {
        var repository = Repository("a");
        workspace.WriteFile("gitbrief.yaml", "language: en\n");

        var result = workspace.Cli("report", "--repo", repository.Path, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("# Daily Update Report", workspace.Markdown("engine", Day), StringComparison.Ordinal);
        Assert.Equal(["2026/engine/2026-01-12.json", "2026/engine/2026-01-12.md"], workspace.OutputFiles().Keys.Select(k => k.Replace('\\', '/')).ToList());
    }

    [Fact]
    public async Task Run_archives_both_languages_sends_one_message_and_delivers_nothing_twice()
    {
        var repository = Repository("a");
        using var archiveRoot = new TempDirectory("gitbrief-archive");
        var archive = TestRepository.CreateArchive(archiveRoot);
        await using var receiver = await WebhookReceiver.StartAsync("json");
        workspace.WriteFile("gitbrief.yaml",
            $"language: [zh, en]\npublish:\n  - dir\n  - type: git\n    repo: {archive}\n  - type: webhook\n    flavor: json\n    url_env: GB_HOOK\n");
        var environment = new Dictionary<string, string> { ["GB_HOOK"] = receiver.Url };

        var first = workspace.Cli(environment, "run", "--repo", repository.Path, "--date", Day);
        var second = workspace.Cli(environment, "run", "--repo", repository.Path, "--date", Day);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.StartsWith("# 每日更新报告", GitProcess.Run(archive, "show", $"main:reports/2026/engine/{Day}.md"), StringComparison.Ordinal);
        Assert.StartsWith("# Daily Update Report", GitProcess.Run(archive, "show", $"main:reports/2026/engine/{Day}.en.md"), StringComparison.Ordinal);
        var message = Assert.Single(receiver.Messages);
        Assert.Equal("zh", message.Json["language"]!.GetValue<string>());
        Assert.DoesNotContain(" delivered, 1 updated", second.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("1 delivered", second.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("2 delivered", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_site_shows_one_page_per_repository_day_when_both_languages_are_written()
    {
        var repository = Repository("a");
        workspace.WriteFile("gitbrief.yaml", $"language: [zh, en]\nrepositories:\n  - {repository.Path}\n");
        Assert.Equal(0, workspace.Cli("report", "--date", Day).ExitCode);
        var site = workspace.Combine("site");

        var build = CliRunner.Run(workspace.Root, "site", "--out", site, "--reports", workspace.Out, "--lang", "en");

        Assert.True(build.ExitCode == 0, build.ToString());
        var pages = Directory.EnumerateFiles(site, "2026-01-12*.html", SearchOption.AllDirectories).ToList();
        var page = Assert.Single(pages);
        Assert.DoesNotContain("个文件", Utf8(page), StringComparison.Ordinal);
    }
}
