using Gitbrief.Common;
using Gitbrief.Configuration;

namespace Gitbrief.Tests.Configuration;

/// <summary>The server's sections, <c>schedule:</c> and <c>server:</c>: read with their defaults, and a dashboard that
/// would be open to the network without a password is a config error with file:line.</summary>
public sealed class FleetConfigTests
{
    [Fact]
    public void Schedule_and_server_settings_are_read_and_the_cli_keeps_its_defaults_without_them()
    {
        var config = ConfigLoader.Parse(
            """
            timezone: Asia/Shanghai
            schedule:
              cron: "0 7 * * *"
              time_zone: Europe/Berlin
            server:
              workers: 6
              llm_concurrency: 8
              retries: 1
              retry_delay: 30
              publish_deadline: 3600
              invisibility_timeout: 120
              dashboard:
                bind: 0.0.0.0:9090
                user: ops
                password_env: DASH_PASSWORD
            """, "gitbrief.yaml");

        Assert.Equal(new ScheduleSettings("0 7 * * *", "Europe/Berlin", "gitbrief.yaml:3"), config.Schedule);
        Assert.Equal(6, config.Server.Workers);
        Assert.Equal(8, config.Server.LlmConcurrency);
        Assert.Equal(1, config.Server.Retries);
        Assert.Equal(TimeSpan.FromSeconds(30), config.Server.RetryDelay);
        Assert.Equal(TimeSpan.FromHours(1), config.Server.PublishDeadline);
        Assert.Equal(TimeSpan.FromMinutes(2), config.Server.InvisibilityTimeout);
        Assert.Equal(new DashboardSettings { Bind = "0.0.0.0:9090", User = "ops", PasswordEnv = "DASH_PASSWORD" }, config.Server.Dashboard);
        var plain = ConfigLoader.Parse("timezone: UTC\n", "gitbrief.yaml");
        Assert.Null(plain.Schedule);
        Assert.Equal("127.0.0.1:8080", plain.Server.Dashboard.Bind);
        Assert.Null(plain.Server.Dashboard.PasswordEnv);
    }

    [Theory]
    [InlineData("server:\n  dashboard:\n    bind: 0.0.0.0:8080\n", "gitbrief.yaml:3: 'server.dashboard.bind' 0.0.0.0:8080 is reachable from other machines: set 'server.dashboard.password_env' (basic auth; the password only from that variable) or bind to 127.0.0.1")]
    [InlineData("server:\n  dashboard:\n    bind: 10.0.0.5:80\n    user: ops\n", "gitbrief.yaml:3: 'server.dashboard.bind' 10.0.0.5:80 is reachable from other machines")]
    [InlineData("server:\n  dashboard:\n    bind: dashboard.example:80\n", "gitbrief.yaml:3: 'server.dashboard.bind' must be host:port")]
    [InlineData("server:\n  workers: 0\n", "gitbrief.yaml:2: 'server.workers' must be between 1 and 256, not 0")]
    [InlineData("server:\n  speed: 3\n", "gitbrief.yaml:2: unknown key 'speed' in 'server'")]
    [InlineData("schedule:\n  cron: \"7 * *\"\n", "gitbrief.yaml:2: 'schedule.cron' must be a cron expression of 5 fields")]
    [InlineData("schedule:\n  time_zone: UTC\n", "gitbrief.yaml:2: 'schedule' needs 'cron'")]
    [InlineData("schedule:\n  cron: \"0 7 * * *\"\n  time_zone: Mars/Olympus\n", "gitbrief.yaml:3: unknown time zone 'Mars/Olympus'")]
    public void A_bad_server_setting_is_one_line_with_file_and_line(string yaml, string expected)
    {
        var error = Assert.Throws<UsageException>(() => ConfigLoader.Parse(yaml, "gitbrief.yaml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("localhost:8080")]
    [InlineData("[::1]:8080")]
    [InlineData("off")]
    public void Loopback_or_off_needs_no_password(string bind)
    {
        var config = ConfigLoader.Parse($"server:\n  dashboard:\n    bind: \"{bind}\"\n", "gitbrief.yaml");

        Assert.Equal(bind, config.Server.Dashboard.Bind);
    }
}
