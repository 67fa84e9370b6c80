using System.Globalization;
using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;

namespace Gitbrief.Server;

/// <summary>What every job of a server process shares: the config (every server of a fleet reads the same file), the
/// fleet's database, its LLM admission, and the request of one repository-day or of a day's publish, resolved as
/// <c>gitbrief report</c>/<c>run</c> would resolve it.</summary>
internal sealed class FleetContext
{
    public FleetContext(string configPath, string workingDirectory, Func<string, string?> environment)
    {
        Config = ConfigLoader.Load(configPath, workingDirectory);
        WorkingDirectory = workingDirectory;
        Environment = environment;
        Settings = Config.Server;
        // Resolved once up front, so that a bad config stops the server at start, not in its first job; every job's request
        // is this one for its day and repositories (resolving the whole config again for each job costs more than an empty job).
        var request = Resolve(new ReportArguments());
        template = request;
        ConnectionString = ConnectionStringOf(request.Store, environment);
        TimeZone = request.TimeZone;
        Repositories = [.. request.Repositories.Select(r => r.Name)];
        WorkerName = $"{System.Environment.MachineName}:{System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
    }

    private readonly ReportRequest template;

    public GitbriefConfig Config { get; }

    public string WorkingDirectory { get; }

    public Func<string, string?> Environment { get; }

    public string ConnectionString { get; }

    public ServerSettings Settings { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The configured repositories by name (reports/YYYY/&lt;name&gt;/): the units of every day.</summary>
    public IReadOnlyList<string> Repositories { get; }

    /// <summary>"host:pid", recorded with the units this process works on.</summary>
    public string WorkerName { get; }

    /// <summary>Set by the server: the fleet's LLM admission, given to every request's LLM stage.</summary>
    public Analysis.Llm.ILlmAdmission? Admission { get; set; }

    /// <summary>Set by the server: the store, opened once per process and shared by its jobs (one connection pool).</summary>
    public Store.IGitbriefStore? Store { get; set; }

    /// <summary>The store of the config, opened.</summary>
    public Task<Store.IGitbriefStore> OpenStoreAsync(CancellationToken cancellationToken) =>
        Gitbrief.Store.StoreFactory.OpenAsync(template.Store, cancellationToken, Environment);

    /// <summary>The request of one day for the named repositories (all when null), the LLM stage under the fleet's limits.</summary>
    public ReportRequest RequestFor(DateOnly day, IReadOnlyCollection<string>? repositories = null)
    {
        var request = template with { Window = new ReportWindow(day, day), Now = DateTimeOffset.UtcNow };
        if (repositories is not null)
        {
            var missing = repositories.Except(Repositories, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new UsageException($"{missing[0]}: not a repository of {Config.SourcePath} (was the config changed after the day was queued?)");
            }
            var wanted = repositories.ToHashSet(StringComparer.Ordinal);
            request = request with { Repositories = [.. request.Repositories.Where(s => wanted.Contains(s.Name))] };
        }
        request = request with { SharedStore = Store };
        return request.Llm is { } llm ? request with { Llm = llm with { Admission = Admission } } : request;
    }

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZone).DateTime);

    /// <summary>The store's database, where Hangfire's schema and the fleet's tables go too. A fleet shares everything
    /// through it, so a SQLite store (one machine's file) is refused.</summary>
    private static string ConnectionStringOf(Gitbrief.Common.StoreLocation store, Func<string, string?> environment)
    {
        if (store.Kind != Gitbrief.Common.StoreKind.Postgres)
        {
            throw new UsageException(
                $"the server needs a PostgreSQL store shared by every worker: set 'store: postgresql://user@host/database' in the config or {Gitbrief.Common.StoreLocation.Variable} (the store is {store.Description}); see docs/scaling.md");
        }
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(Gitbrief.Store.PostgresStore.ConnectionString(store, Gitbrief.Common.StoreLocation.PasswordFrom(environment)))
        {
            ApplicationName = "gitbrief-server",
        };
        return settings.ConnectionString;
    }

    private ReportRequest Resolve(ReportArguments arguments) =>
        RequestResolver.Resolve(arguments, Config, WorkingDirectory, DateTimeOffset.UtcNow, Environment);
}
