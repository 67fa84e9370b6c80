using System.Text;
using Gitbrief.Store;
using Gitbrief.Tests.Support;
using MimeKit;

namespace Gitbrief.Tests.Publishing;

/// <summary>The email target through the real command line against a real SMTP server on 127.0.0.1.</summary>
public sealed class EmailTargetTests : IDisposable
{
    private const string User = "gitbrief-bot";
    private const string Password = "s3cr3t-Pa55w0rd-9f2c";
    private const string Day = "2026-01-12";
    private const string ScriptTitle = "fix: prevent XSS via <script>alert(1)</script> in titles";

    private readonly ReportWorkspace workspace = new();
    private readonly TempDirectory repositories = new("gitbrief-repos");
    private readonly TestRepository alpha;
    private readonly TestRepository beta;
    private readonly string alphaSha;

    public EmailTargetTests()
    {
        alpha = TestRepository.CreateIn(repositories, "alpha");
        beta = TestRepository.CreateIn(repositories, "beta");
        alpha.Git("remote", "add", "origin", "https://github.com/acme/alpha.git");
        alphaSha = alpha.Write("src/render.ts", "escape();\n").Commit(ScriptTitle, "2026-01-12T10:00:00+08:00");
        alpha.Write("docs/a.md", "typo\n").Commit("docs: fix a typo", "2026-01-12T11:00:00+08:00");
        beta.Write("src/beta.py", "print('b')\n").Commit("feat: beta greets", "2026-01-12T09:00:00+08:00");
    }

    public void Dispose()
    {
        alpha.Dispose();
        beta.Dispose();
        repositories.Dispose();
        workspace.Dispose();
    }

    private static Dictionary<string, string> Environment(string password = Password) => new()
    {
        ["GB_SMTP_USER"] = User,
        ["GB_SMTP_PASSWORD"] = password,
    };

    private void WriteConfig(int port, string language = "zh") => workspace.WriteFile("gitbrief.yaml",
        $$"""
        repositories:
          - repo: {{alpha.Path}}
          - repo: {{beta.Path}}
        language: {{language}}
        report_url: https://reports.example.com/{year}/{name}/{date}.md
        publish:
          - type: email
            host: 127.0.0.1
            port: {{port}}
            security: none
            username_env: GB_SMTP_USER
            password_env: GB_SMTP_PASSWORD
            from: Gitbrief <gitbrief@example.com>
            to: [dev@example.com, lead@example.com]
            cc: ops@example.com
        """);

    [Fact]
    public async Task One_mail_lists_both_repositories_then_nothing_until_resend()
    {
        await using var server = await SmtpServer.StartAsync(User, Password);
        WriteConfig(server.Port);

        var first = workspace.Cli(Environment(), "run", "--date", Day);

        Assert.True(first.ExitCode == 0, first.ToString());
        var message = Assert.Single(server.Messages());
        Assert.Equal("Gitbrief 每日更新报告 (2026-01-12)", message.Subject);
        Assert.Equal("gitbrief@example.com", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal(["dev@example.com", "lead@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["ops@example.com"], message.Cc.Mailboxes.Select(m => m.Address));
        var envelope = Assert.Single(server.Envelopes());
        Assert.True(envelope.Authenticated);
        Assert.Equal(["dev@example.com", "lead@example.com", "ops@example.com"], envelope.To);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        var text = message.TextBody;
        var html = message.HtmlBody;
        foreach (var body in new[] { text, html })
        {
            Assert.Contains("alpha", body, StringComparison.Ordinal);
            Assert.Contains("beta", body, StringComparison.Ordinal);
            Assert.Contains($"https://github.com/acme/alpha/commit/{alphaSha}", body, StringComparison.Ordinal);
            Assert.Contains("https://reports.example.com/2026/alpha/2026-01-12.md", body, StringComparison.Ordinal);
            Assert.Contains("https://reports.example.com/2026/beta/2026-01-12.md", body, StringComparison.Ordinal);
            Assert.Contains("本日共 2 个提交", body, StringComparison.Ordinal);
            Assert.DoesNotContain("docs: fix a typo", body, StringComparison.Ordinal);
        }
        Assert.Contains(ScriptTitle, text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        await using (var store = await SqliteStore.OpenAsync(Path.Combine(workspace.Cache, "gitbrief.db"), CancellationToken.None))
        {
            foreach (var repository in new[] { "acme/alpha", "beta" })
            {
                var publication = await store.FindPublicationAsync("email:dev@example.com,lead@example.com", repository, new DateOnly(2026, 1, 12), CancellationToken.None);
                Assert.Equal($"<{message.MessageId}>", publication?.Location);
            }
        }

        var second = workspace.Cli(Environment(), "run", "--date", Day);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Single(server.Messages());
        Assert.Contains("0 delivered, 0 updated, 2 already there", second.Stderr, StringComparison.Ordinal);

        var resent = workspace.Cli(Environment(), "run", "--date", Day, "--resend");

        Assert.True(resent.ExitCode == 0, resent.ToString());
        Assert.Equal(2, server.Messages().Count);
        Assert.Contains("2 delivered", resent.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_is_one_mail_with_the_range_in_the_subject()
    {
        await using var server = await SmtpServer.StartAsync(User, Password);
        WriteConfig(server.Port, "en");

        var result = workspace.Cli(Environment(), "run", "--since", "2026-01-11", "--until", Day);

        Assert.True(result.ExitCode == 0, result.ToString());
        var message = Assert.Single(server.Messages());
        Assert.Equal("Gitbrief daily report (2026-01-11 – 2026-01-12)", message.Subject);
        Assert.Contains("acme/alpha · 2026-01-11", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("No commits on this day.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("acme/alpha · 2026-01-12", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_exits_4_keeps_the_files_and_never_shows_the_password()
    {
        await using var server = await SmtpServer.StartAsync(User, Password);
        WriteConfig(server.Port);
        const string wrong = "wr0ng-Pa55w0rd-7d1e";

        var result = workspace.Cli(Environment(wrong), "run", "--date", Day);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Empty(server.Messages());
        Assert.True(workspace.ReportExists("alpha", Day) && workspace.ReportExists("beta", Day), result.ToString());
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("gitbrief: error: publish", StringComparison.Ordinal));
        Assert.Contains("authentication failed", error, StringComparison.Ordinal);
        AssertNowhere(wrong, result);

        var retry = workspace.Cli(Environment(), "run", "--date", Day);

        Assert.True(retry.ExitCode == 0, retry.ToString());
        Assert.Single(server.Messages());
        AssertNowhere(Password, retry);
    }

    [Fact]
    public void A_server_that_is_down_exits_4_with_one_line()
    {
        var port = SmtpServer.FreePort();
        WriteConfig(port);

        var result = workspace.Cli(Environment(), "run", "--date", Day);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.True(workspace.ReportExists("alpha", Day), result.ToString());
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("gitbrief: error: publish", StringComparison.Ordinal));
        Assert.Contains($"smtp 127.0.0.1:{port}: connect failed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        AssertNowhere(Password, result);
    }

    [Fact]
    public void A_missing_recipient_is_a_config_error_with_file_and_line()
    {
        workspace.WriteFile("gitbrief.yaml",
            $"""
            repositories:
              - repo: {alpha.Path}
            publish:
              - type: email
                host: smtp.example.com
                from: gitbrief@example.com
            """);

        var result = workspace.Cli(Environment(), "run", "--date", Day);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("gitbrief.yaml:4", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'to'", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Out));
    }

    /// <summary>The secret is in no output stream and no file of the workspace (reports, cache, store).</summary>
    private void AssertNowhere(string secret, CliResult result)
    {
        Assert.DoesNotContain(secret, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Stderr, StringComparison.Ordinal);
        var needle = Encoding.UTF8.GetBytes(secret);
        foreach (var file in Directory.EnumerateFiles(workspace.Root, "*", SearchOption.AllDirectories))
        {
            Assert.False(File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0, $"{file} contains the password");
        }
    }
}
