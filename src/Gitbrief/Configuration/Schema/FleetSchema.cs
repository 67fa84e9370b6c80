using System.Globalization;
using Gitbrief.Configuration;

namespace Gitbrief.Configuration.Schema;

/// <summary>The server's sections, <c>schedule:</c> and <c>server:</c> (read by gitbrief-server; the CLI ignores them). A
/// dashboard bound anywhere but loopback without a password variable is an error: it is never open to the network by
/// default.</summary>
internal static class FleetSchema
{
    private static readonly ServerSettings ServerDefaults = new();

    /// <summary>host:port (an IP address or localhost), or off.</summary>
    private static readonly ConfigValue<string> Bind = ConfigValues.Text.Described("host:port or off").Then((n, text) =>
    {
        var bind = text.Trim();
        return bind == "off" || TryParseBind(bind, out _, out _)
            ? bind
            : throw n.Fail($"'{n.Key}' must be host:port with an IP address or localhost (e.g. 127.0.0.1:8080, 0.0.0.0:8080) or off, not '{YamlNodeReader.Printable(bind)}'");
    });

    /// <summary>A cron expression of 5 fields (6 with seconds); the server checks it further when it sets up the job.</summary>
    private static readonly ConfigValue<(string Cron, string Origin)> Cron = ConfigValues.Text.Described("cron expression").Then((n, text) =>
    {
        var cron = text.Trim();
        return cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 5 or 6
            ? (cron, n.Location)
            : throw n.Fail($"'{n.Key}' must be a cron expression of 5 fields (minute hour day month weekday), not '{YamlNodeReader.Printable(cron)}'");
    });

    public static ConfigSection<ScheduleSettings?> Schedule { get; } = new(
    [
        ConfigKey<ScheduleSettings?>.Of("cron", Cron, "", "when the server queues the daily run (yesterday, in `timezone`), e.g. `\"0 7 * * *\"`",
            (s, v) => (s ?? new ScheduleSettings(v.Cron, null, v.Origin)) with { Cron = v.Cron, Origin = v.Origin }) with { Required = true },
        ConfigKey<ScheduleSettings?>.Of("time_zone", ConfigValues.TimeZone, "`timezone`", "the zone the cron expression is read in",
            (s, v) => (s ?? new ScheduleSettings("", null, "")) with { TimeZone = v }).Alias("timezone"),
    ]);

    public static ConfigSection<DashboardSettings> Dashboard { get; } = new(
    [
        ConfigKey<DashboardSettings>.Of("bind", Bind, $"`{DashboardSettings.DefaultBind}`",
            "where the dashboard listens; anything but loopback needs `password_env`", (d, v) => d with { Bind = v }),
        ConfigKey<DashboardSettings>.Of("user", ConfigValues.Text.Then((n, text) => text.Length > 0 && !text.Contains(':', StringComparison.Ordinal)
                ? text : throw n.Fail($"'{n.Key}' must be a non-empty name without ':'")),
            "`gitbrief`", "the basic-auth user", (d, v) => d with { User = v }),
        ConfigKey<DashboardSettings>.Of("password_env", ConfigValues.VariableName, "none",
            "the *name* of the variable holding the basic-auth password; set, every page asks for it", (d, v) => d with { PasswordEnv = v }),
    ])
    {
        Check = (dashboard, node) => dashboard.Enabled && TryParseBind(dashboard.Bind, out var host, out _) && !IsLoopback(host) && dashboard.PasswordEnv is null
            ? throw node.Fail(
                $"'{node.Key}.bind' {YamlNodeReader.Printable(dashboard.Bind)} is reachable from other machines: set '{node.Key}.password_env' (basic auth; the password only from that variable) or bind to 127.0.0.1")
            : dashboard,
    };

    public static ConfigSection<ServerSettings> Server { get; } = new(
    [
        ConfigKey<ServerSettings>.Of("workers", ConfigValues.Int(1, 256), Show(ServerDefaults.Workers), "jobs (repository-days, publishes) one server process runs at once",
            (s, v) => s with { Workers = v }),
        ConfigKey<ServerSettings>.Of("llm_concurrency", ConfigValues.Int(1, 1024), "`llm.max_concurrency`",
            "LLM requests one server process has in flight (`llm.max_concurrency` is the whole fleet's)", (s, v) => s with { LlmConcurrency = v }),
        ConfigKey<ServerSettings>.Of("retries", ConfigValues.Int(0, 20), Show(ServerDefaults.Retries),
            "attempts of a failing repository-day after the first, then it shows as failed", (s, v) => s with { Retries = v }),
        ConfigKey<ServerSettings>.Of("retry_delay", ConfigValues.Seconds(0, 86_400), Show(ServerDefaults.RetryDelay.TotalSeconds),
            "seconds before the first retry; doubled for each next one", (s, v) => s with { RetryDelay = v }),
        ConfigKey<ServerSettings>.Of("publish_deadline", ConfigValues.Seconds(0, 7 * 86_400), Show(ServerDefaults.PublishDeadline.TotalSeconds),
            "seconds after a day was queued when it is published even if some repository-day is not finished", (s, v) => s with { PublishDeadline = v }),
        ConfigKey<ServerSettings>.Of("invisibility_timeout", ConfigValues.Seconds(5, 86_400), Show(ServerDefaults.InvisibilityTimeout.TotalSeconds),
            "seconds after which the job of a server that stopped answering (killed, machine gone) is taken by another", (s, v) => s with { InvisibilityTimeout = v }),
        ConfigKey<ServerSettings>.Mapping("dashboard", Dashboard, "the dashboard: where it listens and its basic authentication",
            s => s.Dashboard, (s, v) => s with { Dashboard = v }),
    ]);

    /// <summary>host:port: an IP address (IPv6 in brackets) or localhost, and a port of 1–65535.</summary>
    public static bool TryParseBind(string bind, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        var colon = bind.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(bind[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }
        host = bind[..colon].Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || System.Net.IPAddress.TryParse(host, out _);
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
