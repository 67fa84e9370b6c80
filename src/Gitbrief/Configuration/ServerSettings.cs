namespace Gitbrief.Configuration;

/// <summary>The <c>server:</c> section, read by the server (gitbrief-server) only: how many jobs a process runs at
/// once, retries and their back-off, how long a day's publish waits for failing repositories, how soon a killed
/// worker's job is taken over, and the dashboard. The CLI ignores it.</summary>
public sealed record ServerSettings
{
    /// <summary>Jobs (repository-days, publishes) one server process runs at once.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>LLM requests one server process has in flight at most (default: <c>llm.max_concurrency</c>, which is the
    /// limit of the whole fleet).</summary>
    public int? LlmConcurrency { get; init; }

    /// <summary>Attempts of a failing repository-day after the first, with exponential back-off from <see cref="RetryDelay"/>.</summary>
    public int Retries { get; init; } = 3;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A day is published when every repository-day is done or failed, at the latest this long after it was queued.</summary>
    public TimeSpan PublishDeadline { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How long a job whose server stopped answering (killed, machine gone) stays invisible before another takes it.</summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public DashboardSettings Dashboard { get; init; } = new();
}

/// <summary>The dashboard (<c>server.dashboard</c>): where it listens, and the basic-auth user and the variable holding
/// its password. Anything but loopback needs the password.</summary>
public sealed record DashboardSettings
{
    public const string DefaultBind = "127.0.0.1:8080";

    /// <summary>host:port, or "off".</summary>
    public string Bind { get; init; } = DefaultBind;

    public string User { get; init; } = "gitbrief";

    /// <summary>The environment variable holding the password; null: no authentication (loopback only).</summary>
    public string? PasswordEnv { get; init; }

    public bool Enabled => !string.Equals(Bind, "off", StringComparison.Ordinal);

    /// <summary>The host (an IP address or localhost) and port of <see cref="Bind"/>; false for "off".</summary>
    public bool TryParseBind(out string host, out int port) => Schema.FleetSchema.TryParseBind(Bind, out host, out port);
}
