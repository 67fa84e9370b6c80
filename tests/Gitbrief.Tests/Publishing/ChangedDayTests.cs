using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Publishing;

/// <summary>A day already delivered whose report changes later — a commit landing late, a force-push removing one:
/// files are rewritten, chat and mail get a short update naming what changed (once), unless <c>on_change: ignore</c>.</summary>
public sealed class ChangedDayTests : IAsyncLifetime
{
    private const string Day = "2026-01-12";
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repository = TestRepository.Create("late");
    private WebhookReceiver chat = null!;
    private string kept = "";
    private string dropped = "";

    public async Task InitializeAsync()
    {
        kept = repository.WriteLines("src/core.py", 30).Commit("feat: the core", "2026-01-12T09:00:00+08:00");
        dropped = repository.WriteLines("src/wrong.py", 8).Commit("feat: pushed by mistake", "2026-01-12T10:00:00+08:00");
        chat = await WebhookReceiver.StartAsync("json");
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        workspace.Dispose();
        repository.Dispose();
    }

    private Dictionary<string, string> Environment => new() { ["GB_CHAT_URL"] = chat.Url };

    private void Configure(string onChange = "") => workspace.WriteFile("gitbrief.yaml",
        $"repositories:\n  - {repository.Path}\nlanguage: en\npublish:\n  - dir\n  - type: webhook\n    flavor: json\n    url_env: GB_CHAT_URL\n{onChange}");

    private CliResult Run() => workspace.Cli(Environment, "run", "--date", Day);

    /// <summary>The branch is force-pushed without one commit, and a commit lands late in the day.</summary>
    private string Rewrite()
    {
        repository.Git("reset", "-q", "--hard", kept);
        return repository.WriteLines("src/late.py", 12).Commit("fix: landed late", "2026-01-12T23:00:00+08:00");
    }

    [Fact]
    public void A_changed_day_gets_one_update_naming_new_and_removed_commits_and_files_are_rewritten()
    {
        Configure();
        var first = Run();
        var late = Rewrite();

        var second = Run();
        var third = Run();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(2, chat.Messages.Count);
        var update = chat.Messages[1].Json;
        Assert.Equal(Day, update["date"]!.GetValue<string>());
        var changes = update["changes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Contains(changes, c => c.StartsWith($"New: {late[..7]} fix: landed late (", StringComparison.Ordinal));
        Assert.Contains($"No longer on the branch: {dropped[..7]} feat: pushed by mistake", changes);
        Assert.Equal(2, changes.Count);
        Assert.Empty(update["highlights"]!.AsArray());
        Assert.Empty(update["commits"]!.AsArray());
        Assert.Equal(0, update["moreCommits"]!.GetValue<int>());
        Assert.Contains("publish webhook:json: 0 delivered, 1 updated, 0 already there", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("publish dir: 0 delivered, 1 updated, 0 already there", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("fix: landed late", workspace.Markdown("late", Day), StringComparison.Ordinal);
        Assert.DoesNotContain("pushed by mistake", workspace.Markdown("late", Day), StringComparison.Ordinal);
        Assert.Contains("publish webhook:json: 0 delivered, 0 updated, 1 already there", third.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_day_is_mailed_as_what_changed()
    {
        await using var smtp = await SmtpServer.StartAsync();
        workspace.WriteFile("gitbrief.yaml",
            $"repositories:\n  - {repository.Path}\nlanguage: en\npublish:\n  - type: email\n    host: 127.0.0.1\n    port: {smtp.Port}\n" +
            "    security: none\n    from: gitbrief@example.com\n    to: dev@example.com\n");
        Run();
        var late = Rewrite();

        var second = Run();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("publish email:dev@example.com: 0 delivered, 1 updated, 0 already there", second.Stderr, StringComparison.Ordinal);
        var messages = smtp.Messages();
        Assert.Equal(2, messages.Count);
        var update = messages[1];
        Assert.Equal($"Gitbrief report update ({Day})", update.Subject);
        Assert.Contains($"== late · {Day} (updated) ==", update.TextBody, StringComparison.Ordinal);
        Assert.Contains($"  - New: {late[..7]} fix: landed late (", update.TextBody, StringComparison.Ordinal);
        Assert.Contains($"  - No longer on the branch: {dropped[..7]} feat: pushed by mistake", update.TextBody, StringComparison.Ordinal);
        Assert.Contains($"No longer on the branch: {dropped[..7]} feat: pushed by mistake", update.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void With_on_change_ignore_a_changed_day_sends_nothing()
    {
        Configure("    on_change: ignore\n");
        Run();
        Rewrite();

        var second = Run();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Single(chat.Messages);
        Assert.Contains("publish webhook:json: 0 delivered, 0 updated, 1 already there", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_on_change_is_a_config_error_with_its_line()
    {
        Configure("    on_change: resend\n");

        var result = Run();

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("gitbrief: error: gitbrief.yaml:9: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("on_change", result.Stderr, StringComparison.Ordinal);
    }
}
