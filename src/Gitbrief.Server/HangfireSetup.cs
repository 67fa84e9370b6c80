using Gitbrief.Server.Jobs;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace Gitbrief.Server;

/// <summary>Hangfire on the fleet's PostgreSQL database (schema <c>hangfire</c>), the same for the server and for the
/// enqueue command: a fetched job stays invisible to other servers while its server renews it, and becomes visible
/// again <c>server.invisibility_timeout</c> after its server stopped (killed, machine gone); retries with
/// exponential back-off from <c>server.retry_delay</c>.</summary>
internal static class HangfireSetup
{
    public static PostgreSqlStorageOptions StorageOptions(FleetContext fleet) => new()
    {
        InvisibilityTimeout = fleet.Settings.InvisibilityTimeout,
        UseSlidingInvisibilityTimeout = true,
        QueuePollInterval = TimeSpan.FromMilliseconds(500),
        PrepareSchemaIfNecessary = true,
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
    };

    public static void Configure(IGlobalConfiguration configuration, FleetContext fleet)
    {
        configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(fleet.ConnectionString), StorageOptions(fleet));
        foreach (var filter in GlobalJobFilters.Filters.Where(f => f.Instance is AutomaticRetryAttribute).ToList())
        {
            GlobalJobFilters.Filters.Remove(filter.Instance);
        }
        configuration.UseFilter(new AutomaticRetryAttribute
        {
            Attempts = fleet.Settings.Retries,
            DelaysInSeconds = [.. Enumerable.Range(0, Math.Max(1, fleet.Settings.Retries)).Select(i => (int)Math.Min(int.MaxValue / 2, fleet.Settings.RetryDelay.TotalSeconds * Math.Pow(2, i)))],
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
    }

    /// <summary>The fleet's services: its context and database, and the jobs (built here: their constructors are internal).</summary>
    public static void AddFleet(IServiceCollection services, FleetContext fleet, FleetDatabase database)
    {
        services.AddSingleton(fleet);
        services.AddSingleton(database);
        services.AddTransient(sp => new DayQueue(fleet, database, sp.GetRequiredService<IBackgroundJobClient>()));
        services.AddTransient(sp => new RepositoryDayJob(fleet, database, sp.GetRequiredService<IBackgroundJobClient>()));
        services.AddTransient(sp => new PublishDayJob(fleet, database, sp.GetRequiredService<IBackgroundJobClient>()));
        services.AddTransient(sp => new ScheduledRunJob(fleet, sp.GetRequiredService<DayQueue>()));
    }
}
