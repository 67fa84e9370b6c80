using System.Globalization;
using Gitbrief.Pipeline;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Publishing;

/// <summary>Days that are not over: a day that has not begun is a usage error; today may be written to files, marked
/// partial, but chat, mail and issue targets hold it back (the real day goes out once it is over) unless
/// <c>--allow-partial</c>.</summary>
public sealed class DayNotOverTests : IAsyncLifetime
{
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repository = TestRepository.Create("today");
    private readonly string zone;
    private readonly DateOnly today;
    private WebhookReceiver chat = null!;

    public DayNotOverTests()
    {
        // A zone in which it is around noon now, so that "today" is well inside its day whenever the test runs.
        var now = DateTimeOffset.UtcNow;
        var offset = 12 - now.Hour;
        zone = offset == 0 ? "Etc/UTC" : string.Create(CultureInfo.InvariantCulture, $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}");
        var local = now.ToOffset(TimeSpan.FromHours(offset));
        today = DateOnly.FromDateTime(local.DateTime);
        var committed = local.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        repository.WriteLines("src/today.py", 12).Commit("feat: landed this morning", committed);
    }

    public async Task InitializeAsync() => chat = await WebhookReceiver.StartAsync("json");

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        workspace.Dispose();
        repository.Dispose();
    }

    private string Today => ReportWorkspace.Day(today);

    private string Tomorrow => ReportWorkspace.Day(today.AddDays(1));

    private Dictionary<string, string> Environment => new() { ["GB_CHAT_URL"] = chat.Url };

    private void Configure() => workspace.WriteFile("gitbrief.yaml",
        $"repositories:\n  - {repository.Path}\ntimezone: {zone}\nlanguage: en\npublish:\n  - dir\n  - type: webhook\n    flavor: json\n    url_env: GB_CHAT_URL\n");

    [Theory]
    [InlineData("--date", null)]
    [InlineData("--since", "--until")]
    public void A_day_that_has_not_begun_is_a_usage_error_on_one_line(string flag, string? until)
    {
        string[] window = until is null ? [flag, Tomorrow] : [flag, Today, until, Tomorrow];

        var result = workspace.Cli(["run", "--repo", repository.Path, "--tz", zone, .. window]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"gitbrief: error: {(until ?? flag)}: {Tomorrow} has not begun yet in {zone} (today is {Today}); report a day that has begun", line);
        Assert.Empty(workspace.OutputFiles());
    }

    [Fact]
    public void Today_is_written_to_files_marked_partial_and_held_back_from_chat_until_allowed()
    {
        Configure();

        var files = workspace.Cli(Environment, "run", "--date", Today);
        var allowed = workspace.Cli(Environment, "run", "--date", Today, "--allow-partial");

        Assert.True(files.ExitCode == 0, files.ToString());
        Assert.True(workspace.Json("today", Today).GetProperty("partial").GetBoolean());
        Assert.Contains("⏳ **Partial report**: this day is not over", workspace.Markdown("today", Today), StringComparison.Ordinal);
        Assert.Contains($"today: {Today} is not over yet: its report is marked partial", files.Stderr, StringComparison.Ordinal);
        Assert.Contains($"publish webhook:json: 0 delivered, 0 updated, 0 already there, 1 held back (day not over: today {Today};", files.Stderr, StringComparison.Ordinal);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        var message = Assert.Single(chat.Messages);
        Assert.Equal(Today, message.Json["date"]!.GetValue<string>());
    }

    [Fact]
    public void A_day_that_is_over_has_no_partial_mark()
    {
        var yesterday = ReportWorkspace.Day(today.AddDays(-1));

        var result = workspace.Cli("report", "--repo", repository.Path, "--tz", zone, "--date", yesterday);

        Assert.Equal(0, result.ExitCode);
        Assert.False(workspace.Json("today", yesterday).TryGetProperty("partial", out _));
        Assert.DoesNotContain("⏳", workspace.Markdown("today", yesterday), StringComparison.Ordinal);
    }
}
