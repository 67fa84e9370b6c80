using System.Globalization;
using Gitbrief.Configuration;
using Gitbrief.Hosting;

namespace Gitbrief.Server;

/// <summary>What every job of a server process shares: the library's fleet work (the config every server of a fleet
/// reads, resolved once at start; the shared store; the LLM admission), the fleet's database, and this process's name.</summary>
internal sealed class FleetContext
{
    public FleetContext(string configPath, string workingDirectory, Func<string, string?> environment)
    {
        Work = FleetWork.Load(configPath, workingDirectory, environment);
        Environment = environment;
        ConnectionString = Work.PostgresConnectionString("gitbrief-server");
        WorkerName = $"{System.Environment.MachineName}:{System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The library's side: repository-days reported, days published.</summary>
    public FleetWork Work { get; }

    public Func<string, string?> Environment { get; }

    /// <summary>The store's database, where Hangfire's schema and the fleet's tables go too.</summary>
    public string ConnectionString { get; }

    public ServerSettings Settings => Work.Server;

    public TimeZoneInfo TimeZone => Work.TimeZone;

    /// <summary>The configured repositories by name (reports/YYYY/&lt;name&gt;/): the units of every day.</summary>
    public IReadOnlyList<string> Repositories => Work.Repositories;

    /// <summary>"host:pid", recorded with the units this process works on.</summary>
    public string WorkerName { get; }

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZone).DateTime);
}
