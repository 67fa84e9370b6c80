using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Gitbrief.Configuration;

/// <summary>Reads the server's sections, <c>schedule:</c> and <c>server:</c>, with file:line errors. A dashboard bound
/// anywhere but loopback without a password variable is an error: it is never open to the network by default.</summary>
internal static class FleetConfigReader
{
    private static readonly string[] ScheduleKeys = ["cron", "time_zone", "timezone"];
    private static readonly string[] ServerKeys = ["workers", "llm_concurrency", "retries", "retry_delay", "publish_deadline", "invisibility_timeout", "dashboard"];
    private static readonly string[] DashboardKeys = ["bind", "user", "password_env"];

    public static ScheduleSettings ReadSchedule(YamlNodeReader reader, YamlNode node)
    {
        string? cron = null;
        string? zone = null;
        var origin = $"{reader.File}:{reader.Line(node).ToString(CultureInfo.InvariantCulture)}";
        foreach (var (key, value, _) in reader.Mapping(node, "schedule", ScheduleKeys))
        {
            if (key == "cron")
            {
                cron = reader.String(value, "schedule.cron").Trim();
                origin = $"{reader.File}:{reader.Line(value).ToString(CultureInfo.InvariantCulture)}";
                var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (fields is not (5 or 6))
                {
                    throw reader.Error(value).Because($"'schedule.cron' must be a cron expression of 5 fields (minute hour day month weekday), not '{YamlNodeReader.Printable(cron)}'");
                }
            }
            else if (!reader.IsNull(value))
            {
                zone = reader.String(value, "schedule." + key).Trim();
                if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                {
                    throw reader.Error(value).Because($"'schedule.{key}': unknown time zone '{YamlNodeReader.Printable(zone)}' (use an IANA name such as Asia/Shanghai)");
                }
            }
        }
        return cron is null ? throw reader.Error(node).Because("'schedule' needs 'cron:' (e.g. cron: \"0 7 * * *\")") : new ScheduleSettings(cron, zone, origin);
    }

    public static ServerSettings ReadServer(YamlNodeReader reader, YamlNode node)
    {
        var server = new ServerSettings();
        foreach (var (key, value, _) in reader.Mapping(node, "server", ServerKeys))
        {
            if (reader.IsNull(value))
            {
                continue;
            }
            var name = "server." + key;
            server = key switch
            {
                "workers" => server with { Workers = reader.Int(value, name, 1, 256) },
                "llm_concurrency" => server with { LlmConcurrency = reader.Int(value, name, 1, 1024) },
                "retries" => server with { Retries = reader.Int(value, name, 0, 20) },
                "retry_delay" => server with { RetryDelay = Seconds(reader, value, name, 0, 86_400) },
                "publish_deadline" => server with { PublishDeadline = Seconds(reader, value, name, 0, 7 * 86_400) },
                "invisibility_timeout" => server with { InvisibilityTimeout = Seconds(reader, value, name, 5, 86_400) },
                _ => server with { Dashboard = ReadDashboard(reader, value) },
            };
        }
        return server;
    }

    private static DashboardSettings ReadDashboard(YamlNodeReader reader, YamlNode node)
    {
        var dashboard = new DashboardSettings();
        YamlNode? bindNode = null;
        foreach (var (key, value, _) in reader.Mapping(node, "server.dashboard", DashboardKeys))
        {
            if (reader.IsNull(value))
            {
                continue;
            }
            switch (key)
            {
                case "bind":
                    bindNode = value;
                    dashboard = dashboard with { Bind = reader.String(value, "server.dashboard.bind").Trim() };
                    break;
                case "user":
                    dashboard = dashboard with { User = reader.String(value, "server.dashboard.user").Trim() };
                    break;
                default:
                    dashboard = dashboard with { PasswordEnv = reader.String(value, "server.dashboard.password_env").Trim() };
                    break;
            }
        }
        if (bindNode is not null && dashboard.Enabled)
        {
            if (!TryParseBind(dashboard.Bind, out var host, out _))
            {
                throw reader.Error(bindNode).Because($"'server.dashboard.bind' must be host:port with an IP address or localhost (e.g. 127.0.0.1:8080, 0.0.0.0:8080) or off, not '{YamlNodeReader.Printable(dashboard.Bind)}'");
            }
            if (!IsLoopback(host) && dashboard.PasswordEnv is null)
            {
                throw reader.Error(bindNode).Because(
                    $"'server.dashboard.bind' {YamlNodeReader.Printable(dashboard.Bind)} is reachable from other machines: set 'server.dashboard.password_env' (basic auth; the password only from that variable) or bind to 127.0.0.1");
            }
        }
        if (dashboard.User.Contains(':', StringComparison.Ordinal) || dashboard.User.Length == 0)
        {
            throw reader.Error(node).Because("'server.dashboard.user' must be a non-empty name without ':'");
        }
        return dashboard;
    }

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

    private static TimeSpan Seconds(YamlNodeReader reader, YamlNode node, string name, double min, double max) =>
        TimeSpan.FromSeconds(reader.Number(node, name, min, max));
}
