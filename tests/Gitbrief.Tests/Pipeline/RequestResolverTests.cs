using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Tests.Configuration;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Pipeline;

public sealed class RequestResolverTests : IDisposable
{
    // 2026-03-01 17:30 UTC is already 2026-03-02 01:30 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 17, 30, 0, TimeSpan.Zero);
    private readonly TempDirectory directory = new("gitbrief-resolve");

    public void Dispose() => directory.Dispose();

    private ReportRequest Resolve(ReportArguments arguments, GitbriefConfig? config = null) =>
        RequestResolver.Resolve(arguments, config ?? GitbriefConfig.Empty, directory.Path, Now);

    private UsageException Fails(ReportArguments arguments, GitbriefConfig? config = null) =>
        Assert.Throws<UsageException>(() => Resolve(arguments, config));

    [Fact]
    public void Defaults_report_yesterday_in_Shanghai_for_the_current_directory()
    {
        var request = Resolve(new ReportArguments { CacheDirectory = "cache" });

        Assert.Equal("Asia/Shanghai", request.TimeZone.Id);
        Assert.Equal(new ReportWindow(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1)), request.Window);
        Assert.Equal(ReportLanguage.Zh, request.Language);
        Assert.Equal(["md", "json"], request.Formats);
        Assert.Equal(directory.Combine("reports"), request.OutputDirectory);
        Assert.Equal(directory.Combine("cache"), request.CacheDirectory);
        var spec = Assert.Single(request.Repositories);
        Assert.Equal(directory.Path, spec.Address.LocalPath);
        Assert.Null(spec.Branch);
        Assert.False(spec.FirstParent);
        Assert.True(request.Render.EnableToc && request.Render.EnableGrouping && request.Render.EnableStats);
        Assert.False(request.Render.FullMessage);
        Assert.False(request.DryRun);
    }

    [Fact]
    public void Yesterday_is_computed_in_the_chosen_zone()
    {
        var utc = Resolve(new ReportArguments { TimeZone = "UTC", CacheDirectory = "c" });
        var config = Resolve(new ReportArguments { CacheDirectory = "c" }, GitbriefConfig.Empty with { TimeZone = "America/Los_Angeles" });

        Assert.Equal(new DateOnly(2026, 2, 28), utc.Window.First);
        Assert.Equal(new DateOnly(2026, 2, 28), config.Window.First);
    }

    [Fact]
    public void Flags_override_the_config_which_overrides_the_defaults()
    {
        var config = ConfigLoader.Parse(
            """
            repositories:
              - repo: cfg/one
                branch: develop
            timezone: Europe/Berlin
            language: en
            output: from-config
            cache_dir: cache-from-config
            formats: [json]
            branch: release
            first_parent: true
            format: {enable_toc: false, message: full}
            """,
            "gitbrief.yaml") with { SourcePath = directory.Combine("conf", "gitbrief.yaml") };

        var fromConfig = Resolve(new ReportArguments(), config);
        Assert.Equal("Europe/Berlin", fromConfig.TimeZone.Id);
        Assert.Equal(ReportLanguage.En, fromConfig.Language);
        Assert.Equal(["json"], fromConfig.Formats);
        Assert.Equal(directory.Combine("from-config"), fromConfig.OutputDirectory);
        Assert.Equal(directory.Combine("cache-from-config"), fromConfig.CacheDirectory);
        Assert.False(fromConfig.Render.EnableToc);
        Assert.True(fromConfig.Render.FullMessage);
        var configured = Assert.Single(fromConfig.Repositories);
        Assert.Equal("https://github.com/cfg/one.git", configured.Address.RemoteUrl);
        Assert.Equal("develop", configured.Branch);
        Assert.True(configured.FirstParent);

        var fromFlags = Resolve(
            new ReportArguments
            {
                Repositories = ["flag/two"],
                TimeZone = "UTC",
                Language = "zh",
                Formats = "md",
                OutputDirectory = "flag-out",
                CacheDirectory = "flag-cache",
                Branch = "hotfix",
                Date = "2026-01-12",
            },
            config);
        Assert.Equal("UTC", fromFlags.TimeZone.Id);
        Assert.Equal(ReportLanguage.Zh, fromFlags.Language);
        Assert.Equal(["md"], fromFlags.Formats);
        Assert.Equal(directory.Combine("flag-out"), fromFlags.OutputDirectory);
        Assert.Equal(directory.Combine("flag-cache"), fromFlags.CacheDirectory);
        var flagged = Assert.Single(fromFlags.Repositories);
        Assert.Equal("two", flagged.Name);
        Assert.Equal("hotfix", flagged.Branch);
        Assert.True(flagged.FirstParent, "first_parent: true in the config still applies when no flag turns it off");
        Assert.Equal(new ReportWindow(new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 12)), fromFlags.Window);

        var noFirstParent = Resolve(new ReportArguments { Repositories = ["flag/two"], FirstParent = false }, config);
        Assert.False(Assert.Single(noFirstParent.Repositories).FirstParent, "--no-first-parent overrides first_parent: true");
    }

    [Fact]
    public void Config_weights_reach_the_request()
    {
        var request = Resolve(new ReportArguments { CacheDirectory = "c" }, ConfigLoader.Parse(ConfigLoaderTests.CurrentToolConfig, "config.yaml"));

        Assert.Equal(12, request.Weights.HighThreshold);
        Assert.Equal(9, request.Weights.TypeWeight("feat"));
        Assert.False(request.Render.EnableGrouping);
    }

    [Fact]
    public void Relative_repository_paths_in_a_config_resolve_against_the_config_file()
    {
        var config = GitbriefConfig.Empty with
        {
            SourcePath = directory.Combine("conf", "gitbrief.yaml"),
            Repositories = [new RepositoryEntry("../checkout", Origin: "gitbrief.yaml:2")],
        };

        var spec = Assert.Single(Resolve(new ReportArguments { CacheDirectory = "c" }, config).Repositories);

        Assert.Equal(directory.Combine("checkout"), spec.Address.LocalPath);
    }

    [Fact]
    public void Two_repositories_with_the_same_name_are_a_usage_error()
    {
        var config = ConfigLoader.Parse("repositories:\n  - alice/tool\n  - bob/tool\n", "gitbrief.yaml");

        var error = Fails(new ReportArguments { CacheDirectory = "c" }, config);

        Assert.StartsWith("gitbrief.yaml:3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("gitbrief.yaml:2", error.Message, StringComparison.Ordinal);
        Assert.Contains("bob/tool", error.Message, StringComparison.Ordinal);
        Fails(new ReportArguments { Repositories = ["a/Tool", "b/tool"], CacheDirectory = "c" });
    }

    [Theory]
    [InlineData("2026-01-12", "2026-01-15", 4)]
    [InlineData("2026-02-27", "2026-03-01", 3)]
    [InlineData("2024-02-28", "2024-03-01", 3)]
    public void Since_until_is_an_inclusive_range(string since, string until, int days)
    {
        var window = Resolve(new ReportArguments { Since = since, Until = until, CacheDirectory = "c" }).Window;

        Assert.Equal(days, window.Days().Count());
        Assert.Equal(since, ReportWorkspace.Day(window.First));
        Assert.Equal(until, ReportWorkspace.Day(window.Last));
    }

    [Fact]
    public void Since_alone_runs_until_yesterday_and_latest_is_per_repository()
    {
        Assert.Equal(new DateOnly(2026, 3, 1), Resolve(new ReportArguments { Since = "2026-02-20", CacheDirectory = "c" }).Window.Last);
        Assert.True(Resolve(new ReportArguments { Latest = true, CacheDirectory = "c" }).Window.Latest);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026/01/01")]
    [InlineData("2026-1-1")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Invalid_dates_are_usage_errors(string date)
    {
        var error = Fails(new ReportArguments { Date = date, CacheDirectory = "c" });

        Assert.StartsWith("--date: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid date (expected YYYY-MM-DD)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Window_flags_are_checked()
    {
        Fails(new ReportArguments { Date = "2026-01-01", Latest = true, CacheDirectory = "c" });
        Fails(new ReportArguments { Date = "2026-01-01", Since = "2026-01-01", CacheDirectory = "c" });
        Fails(new ReportArguments { Until = "2026-01-01", CacheDirectory = "c" });
        Fails(new ReportArguments { Since = "2026-01-02", Until = "2026-01-01", CacheDirectory = "c" });
        Fails(new ReportArguments { Since = "2000-01-01", Until = "2026-01-01", CacheDirectory = "c" });
        Fails(new ReportArguments { Since = "2026-01-01", Until = "2026-13-01", CacheDirectory = "c" });
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void An_unknown_time_zone_is_a_usage_error(string zone)
    {
        var error = Fails(new ReportArguments { TimeZone = zone, CacheDirectory = "c" });

        Assert.StartsWith("--tz: unknown time zone", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("md", new[] { "md" })]
    [InlineData("json", new[] { "json" })]
    [InlineData(" JSON , markdown ,md", new[] { "json", "md" })]
    public void Formats_are_parsed(string flag, string[] expected) =>
        Assert.Equal(expected, Resolve(new ReportArguments { Formats = flag, CacheDirectory = "c" }).Formats);

    [Theory]
    [InlineData("pdf")]
    [InlineData(",")]
    [InlineData("md,html")]
    public void Bad_formats_and_languages_are_usage_errors(string flag)
    {
        Fails(new ReportArguments { Formats = flag, CacheDirectory = "c" });
        Fails(new ReportArguments { Language = "fr", CacheDirectory = "c" });
    }
}
