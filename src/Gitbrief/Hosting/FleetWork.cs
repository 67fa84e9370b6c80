using Gitbrief.Analysis.Llm;
using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Store;

namespace Gitbrief.Hosting;

/// <summary>What the fleet's host (gitbrief-server) uses of the library, and all it uses: the config every server of a
/// fleet reads, resolved once when the server starts; the store, opened once per process and shared by its jobs; one
/// repository-day reported; one day's kept reports published. Hangfire, the fleet's own tables and the dashboard are
/// the host's; everything else of the library stays internal to it.</summary>
public sealed class FleetWork : IAsyncDisposable
{
    private readonly GitbriefConfig config;
    private readonly ReportRequest template;
    private readonly Func<string, string?> environment;
    private IGitbriefStore? store;

    private FleetWork(GitbriefConfig config, ReportRequest template, Func<string, string?> environment)
    {
        this.config = config;
        this.template = template;
        this.environment = environment;
        Repositories = [.. template.Repositories.Select(r => r.Name)];
        var llm = config.Llm;
        LlmLimits = new FleetLlmLimits(llm.MaxConcurrency, llm.RequestsPerMinute, llm.TokensPerMinute, llm.Timeout);
    }

    /// <summary>Reads the config and resolves it as <c>gitbrief report</c> would (a bad config stops the server at start,
    /// not in its first job). Throws <see cref="UsageException"/> (and the config's own errors, with file:line).</summary>
    public static FleetWork Load(string configPath, string workingDirectory, Func<string, string?> environment)
    {
        var config = ConfigLoader.Load(configPath, workingDirectory);
        return new FleetWork(config, RequestResolver.Resolve(new ReportArguments(), config, workingDirectory, DateTimeOffset.UtcNow, environment), environment);
    }

    /// <summary>The config file read.</summary>
    public string? ConfigPath => config.SourcePath;

    /// <summary>The report time zone (<c>timezone:</c>).</summary>
    public TimeZoneInfo TimeZone => template.TimeZone;

    /// <summary>The configured repositories by name (reports/YYYY/&lt;name&gt;/): the units of every day.</summary>
    public IReadOnlyList<string> Repositories { get; }

    /// <summary>The <c>server:</c> section.</summary>
    public ServerSettings Server => config.Server;

    /// <summary>The <c>schedule:</c> section, when there is one.</summary>
    public ScheduleSettings? Schedule => config.Schedule;

    /// <summary>The <c>llm:</c> limits, which a fleet keeps for all its servers together.</summary>
    public FleetLlmLimits LlmLimits { get; }

    /// <summary>Every LLM request of <see cref="ReportAsync"/> is admitted here first (set by the host before its first job).</summary>
    public ILlmAdmission? Admission { get; set; }

    /// <summary>The connection string of the store's PostgreSQL database (with the password from the environment), where
    /// the host keeps its own tables too. A fleet shares everything through it: a SQLite store is refused.</summary>
    public string PostgresConnectionString(string applicationName)
    {
        var location = template.Store;
        if (location.Kind != StoreKind.Postgres)
        {
            throw new UsageException(
                $"the server needs a PostgreSQL store shared by every worker: set 'store: postgresql://user@host/database' in the config or {StoreLocation.Variable} (the store is {location.Description}); see docs/scaling.md");
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(PostgresStore.ConnectionString(location, StoreLocation.PasswordFrom(environment)))
        {
            ApplicationName = applicationName,
        }.ConnectionString;
    }

    /// <summary>The days of --date/--since/--until, as <c>gitbrief report</c> reads them (no day that has not begun).</summary>
    public ReportWindow Window(ReportArguments arguments) => RequestResolver.ResolveWindow(arguments, TimeZone, DateTimeOffset.UtcNow);

    /// <summary>Opens the store that every later job of this process shares (one connection pool); disposing this closes it.</summary>
    public async Task OpenStoreAsync(CancellationToken cancellationToken) =>
        store ??= await StoreFactory.OpenAsync(template.Store, cancellationToken, environment).ConfigureAwait(false);

    /// <summary>One repository-day: mirror fetch, analysis, the report written under <c>output:</c> and kept in the store.
    /// Throws when the repository fails (the message says why).</summary>
    public async Task<UnitReport> ReportAsync(string repository, DateOnly day, CancellationToken cancellationToken)
    {
        var summary = await new ReportJob(RequestFor(day, [repository])).RunAsync(cancellationToken).ConfigureAwait(false);
        var outcome = summary.Repositories.Single();
        if (!outcome.Succeeded)
        {
            throw new RepositoryException(outcome.Error ?? string.Join("; ", outcome.FailedDays.Select(f => f.Reason)));
        }
        return new UnitReport(outcome.Reports.Sum(r => r.Commits), summary.Llm, [.. outcome.Reports.Select(r => r.Hash)]);
    }

    /// <summary>Delivers a day's reports to every target of <c>publish:</c> (each message once: the store's ledger). The
    /// reports are those the units kept in the store, by the Markdown hashes each recorded; a repository whose reports
    /// are not there (done by an older version) has them built again here, from the cache and this machine's mirror.</summary>
    public async Task<IReadOnlyList<Publishing.TargetOutcome>> PublishAsync(
        DateOnly day, IReadOnlyDictionary<string, IReadOnlyList<string>> reportHashes, CancellationToken cancellationToken)
    {
        var request = RequestFor(day, [.. reportHashes.Keys]);
        var shared = request.SharedStore ?? throw new InvalidOperationException("the store is opened before any job runs");
        var (reports, missing) = await StoredReports.LoadAsync(request, shared, day, reportHashes, cancellationToken).ConfigureAwait(false);
        var publish = DailyJob.Create(request, config, environment);
        if (missing.Count == 0)
        {
            return await publish.PublishAsync(reports, cancellationToken).ConfigureAwait(false);
        }
        var rebuilt = await new ReportJob(RequestFor(day, missing)).RunAsync(cancellationToken).ConfigureAwait(false);
        var built = rebuilt.Repositories.SelectMany(r => r.Reports).Select(r => r.Published).OfType<Publishing.PublishedReport>();
        return await publish.PublishAsync([.. reports, .. built], cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The request of one day for the named repositories, on the shared store, the LLM stage under the admission.</summary>
    private ReportRequest RequestFor(DateOnly day, IReadOnlyCollection<string> repositories)
    {
        var missing = repositories.Except(Repositories, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new UsageException($"{missing[0]}: not a repository of {config.SourcePath} (was the config changed after the day was queued?)");
        }
        var wanted = repositories.ToHashSet(StringComparer.Ordinal);
        var request = template with
        {
            Window = new ReportWindow(day, day),
            Now = DateTimeOffset.UtcNow,
            Repositories = [.. template.Repositories.Where(s => wanted.Contains(s.Name))],
            SharedStore = store,
        };
        return request.Llm is { } llm ? request with { Llm = llm with { Admission = Admission } } : request;
    }
}

/// <summary>What a repository-day cost and made: its commits, its LLM requests (null without LLM analysis) and the
/// hashes of the Markdown reports it kept in the store (one per language), which the day's publish delivers.</summary>
public sealed record UnitReport(int Commits, Analysis.Llm.LlmUsage? Llm, IReadOnlyList<string> ReportHashes);

/// <summary>The <c>llm:</c> limits a fleet keeps for all its servers together: requests in flight, per minute, tokens per
/// minute, and one request's time-out (an admission outlives it a while).</summary>
public sealed record FleetLlmLimits(int MaxConcurrency, int? RequestsPerMinute, int? TokensPerMinute, TimeSpan Timeout);
