using System.Text;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Site;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Site;

/// <summary>JSON reports written by the real pipeline for two repositories (one English, one Chinese) whose commits
/// carry hostile titles, authors and paths, and a site built from them.</summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string Day1 = "2026-02-10";
    public const string Day2 = "2026-02-11";

    public static readonly string[] HostileTitles =
    [
        "<script>alert(1)</script>",
        "\"onmouseover=\"alert(1)",
        "[x](javascript:alert(1))",
        "feat!: <img src=x onerror=alert(1)> breaking </script><script>alert(2)</script>",
        "fix(security): ' onfocus='alert(3) & friends",
    ];

    private readonly TestRepository english = TestRepository.Create("hostile");
    private readonly TestRepository chinese = TestRepository.Create("zhrepo");

    public ReportWorkspace Workspace { get; } = new();

    public string Site => Workspace.Combine("site");

    public async Task InitializeAsync()
    {
        english.WriteLines("src/app.py", 120).Commit(HostileTitles[0], "2026-02-10T09:00:00+08:00");
        english.WriteLines("docs/<img src=x onerror=alert(1)>.md", 5).Commit(HostileTitles[1], "2026-02-10T10:00:00+08:00",
            author: "\"onmouseover=\"alert(1) <evil@example.com>");
        english.WriteLines("src/api/handler.py", 300, "handler").Write("package.json", "{\"dependencies\":{}}\n")
            .Commit(HostileTitles[3] + "\n\nBREAKING CHANGE: <b>bold</b> javascript:alert(4)\n", "2026-02-10T11:00:00+08:00");
        english.WriteLines("tests/test_app.py", 8).Commit(HostileTitles[2], "2026-02-11T09:00:00+08:00");
        english.WriteLines("src/auth/login.py", 40).Commit(HostileTitles[4], "2026-02-11T10:00:00+08:00");
        chinese.WriteLines("src/main.go", 30).Commit("feat: 新增功能 <script>alert(5)</script>", "2026-02-11T09:30:00+08:00");
        chinese.WriteLines("README.md", 3).Commit("docs: 更新文档", "2026-02-11T11:30:00+08:00");

        // English as the configured language: its reports keep the plain file names.
        Assert.Equal(0, (await Workspace.RunAsync(new ReportArguments { Repositories = [english.Path], Since = Day1, Until = Day2 },
            GitbriefConfig.Empty with { Language = "en" })).ExitCode);
        Assert.Equal(0, (await Workspace.RunAsync(new ReportArguments { Repositories = [chinese.Path], Date = Day2, Language = "zh" })).ExitCode);
        await BuildAsync(Site);
    }

    internal Task<SiteResult> BuildAsync(string output, string? baseUrl = null) =>
        SiteBuilder.BuildAsync(new SiteOptions(Workspace.Out, output) { BaseUrl = baseUrl }, CancellationToken.None);

    public string Read(params string[] parts) =>
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(Path.Combine([Site, .. parts])));

    public IEnumerable<string> HtmlFiles(string? root = null) =>
        Directory.EnumerateFiles(root ?? Site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>Every file below a directory (relative path → bytes).</summary>
    internal static SortedDictionary<string, byte[]> Files(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes), StringComparer.Ordinal);

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public Task DisposeAsync()
    {
        english.Dispose();
        chinese.Dispose();
        Workspace.Dispose();
        return Task.CompletedTask;
    }
}
