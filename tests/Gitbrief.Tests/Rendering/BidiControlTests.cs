using System.Text;
using Gitbrief.Pipeline;
using Gitbrief.Publishing;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>Bidirectional-text controls in commit text (a title that displays reversed, "Trojan Source") never
/// reach a reader: stripped from Markdown, HTML, Atom, the search index, chat messages, mail and issue bodies;
/// in the JSON report they are kept as data but written as \u escapes, never as raw characters.</summary>
public sealed class BidiControlTests : IAsyncLifetime
{
    private const string Day = "2026-01-12";

    /// <summary>U+202A–202E (embeddings, overrides), U+2066–2069 (isolates), U+200E/200F (marks), U+061C (Arabic letter mark).</summary>
    private static readonly char[] Controls =
        ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

    private static readonly string Title = "feat!: approve \u202Eexe.txt\u202C admin \u2066isolated\u2069 \u2067r\u2069 \u2068f\u2069 \u202Aa\u202B\u202D \u200E\u200F\u061C end";
    private const string Author = "Mallory \u202EyrollaM";

    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("bidi");

    public Task InitializeAsync()
    {
        repo.Git("remote", "add", "origin", "https://github.com/acme/bidi.git");
        repo.WriteLines("src/api/handler.py", 400).WriteLines("src/\u202Eyp.evil", 3)
            .Commit(Title + "\n\nBody \u202Ereversed\u202C text.\n", $"{Day}T10:00:00+08:00", author: $"{Author} <m@example.com>");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        repo.Dispose();
        workspace.Dispose();
        return Task.CompletedTask;
    }

    private static void AssertNoControls(string text, string where)
    {
        var found = text.IndexOfAny(Controls);
        Assert.True(found < 0, $"{where}: U+{(found < 0 ? 0 : text[found]):X4} at {found}: …{(found < 0 ? "" : text[Math.Max(0, found - 40)..Math.Min(text.Length, found + 40)])}…");
    }

    private static string Utf8(string path) => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));

    [Fact]
    public void Markdown_is_free_of_them_and_JSON_escapes_them_as_data()
    {
        var result = workspace.Cli("report", "--repo", repo.Path, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = workspace.Markdown("bidi", Day);
        AssertNoControls(markdown, "Markdown");
        Assert.Contains("approve exe.txt admin isolated", markdown, StringComparison.Ordinal);
        var json = Utf8(workspace.ReportPath("bidi", Day, "json"));
        AssertNoControls(json, "JSON");
        Assert.Contains("\\u202E", json, StringComparison.Ordinal);
        var commit = workspace.Json("bidi", Day).GetProperty("commits")[0];
        Assert.Equal(Title, commit.GetProperty("title").GetString());
        Assert.Equal(Author, commit.GetProperty("author").GetProperty("name").GetString());
        AssertNoControls(result.Stderr, "stderr");
    }

    [Fact]
    public void The_site_pages_feeds_and_search_index_are_free_of_them()
    {
        Assert.Equal(0, workspace.Cli("report", "--repo", repo.Path, "--date", Day, "--lang", "en").ExitCode);
        var site = workspace.Combine("site");

        var build = CliRunner.Run(workspace.Root, "site", "--out", site, "--reports", workspace.Out);

        Assert.True(build.ExitCode == 0, build.ToString());
        var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(".atom", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("search", StringComparison.Ordinal) && f.EndsWith(".js", StringComparison.Ordinal));
        foreach (var file in files)
        {
            AssertNoControls(Utf8(file), Path.GetRelativePath(site, file));
        }
        var day = Utf8(Directory.EnumerateFiles(site, $"{Day}.html", SearchOption.AllDirectories).Single());
        Assert.Contains("approve exe.txt admin isolated", day, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("slack")]
    [InlineData("feishu")]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    public async Task Chat_messages_are_free_of_them(string flavor)
    {
        await using var receiver = await WebhookReceiver.StartAsync(flavor);
        workspace.WriteFile("gitbrief.yaml", $"publish:\n  - type: webhook\n    flavor: {flavor}\n    url_env: GB_HOOK\n");

        var result = workspace.Cli(new Dictionary<string, string> { ["GB_HOOK"] = receiver.Url }, "run", "--repo", repo.Path, "--date", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        var message = Assert.Single(receiver.Messages);
        AssertNoControls(message.Body, flavor + " body");
        AssertNoControls(message.Json.ToJsonString(), flavor + " payload");
        Assert.DoesNotContain("\\u202", message.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("exe.txt", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_and_issue_bodies_are_free_of_them()
    {
        var summary = await workspace.RunAsync(new ReportArguments { Repositories = [repo.Path], Date = Day });
        var published = summary.Repositories.Single().Reports.Single().Published!;
        var batch = new PublishBatch([published], ReportLanguage.Zh, Resend: false, DateTimeOffset.UtcNow);

        var mail = EmailDigest.Build([(published, null)], batch, subject: null);
        var issue = GitHubIssueBody.Compose(published, ReportLanguage.Zh, "https://example.com/r.md");
        var shortIssue = GitHubIssueBody.Compose(published, ReportLanguage.Zh, "https://example.com/r.md", limit: 1500);

        AssertNoControls(mail.Subject + mail.Text, "mail text");
        AssertNoControls(mail.Html, "mail HTML");
        Assert.Contains("exe.txt", mail.Text, StringComparison.Ordinal);
        AssertNoControls(issue, "issue body");
        AssertNoControls(shortIssue, "issue digest");
    }
}
