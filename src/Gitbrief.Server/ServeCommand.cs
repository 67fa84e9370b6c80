using System.CommandLine;
using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Server.Dashboard;
using Gitbrief.Server.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gitbrief.Server;

/// <summary><c>gitbrief-server serve</c>: Hangfire workers (<c>server.workers</c> jobs at once) on the fleet's database,
/// the recurring daily run when <c>schedule:</c> is set, and the dashboard on <c>server.dashboard.bind</c>.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run workers (and the dashboard) until stopped: repository-day jobs and publishes queued by 'enqueue' or 'schedule:'.");
        command.Options.Add(ServerOptions.Config);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var fleet = ServerOptions.Open(parse);
            await RunAsync(fleet, cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(FleetContext fleet, CancellationToken cancellationToken)
    {
        var dashboard = fleet.Settings.Dashboard;
        var password = dashboard.PasswordEnv is { } variable
            ? fleet.Environment(variable) is { Length: > 0 } value ? value : throw new UsageException($"server.dashboard.password_env: {variable} is not set (the dashboard's password)")
            : null;
        if (password is not null)
        {
            SecretRedactor.Register(password);
        }
        await using var database = FleetDatabase.Open(fleet.ConnectionString);
        await Transient.RetryAsync(async () => { await database.MigrateAsync(cancellationToken); return 0; }, cancellationToken);
        var limits = fleet.Work.LlmLimits;
        fleet.Work.Admission = new FleetLlmAdmission(database, limits, fleet.Settings.LlmConcurrency ?? limits.MaxConcurrency, fleet.WorkerName);
        await using var work = fleet.Work;
        await work.OpenStoreAsync(cancellationToken);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Gitbrief", LogLevel.Information);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddHangfire(c => HangfireSetup.Configure(c, fleet));
        HangfireSetup.AddFleet(builder.Services, fleet, database);
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = fleet.Settings.Workers;
            o.Queues = FleetQueues.All;
            o.ServerName = fleet.WorkerName;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        if (dashboard.Enabled)
        {
            dashboard.TryParseBind(out var host, out var port);
            builder.WebHost.UseKestrel(k => k.Listen(Listen(host), port));
        }
        else
        {
            builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        }
        await using var app = builder.Build();
        if (password is not null)
        {
            var authentication = new BasicAuthentication(dashboard.User, password);
            app.Use(authentication.InvokeAsync);
        }
        if (dashboard.Enabled)
        {
            app.UseHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new AlreadyAuthorized()],
                DashboardTitle = "Gitbrief fleet",
                AppPath = "/",
                DisplayStorageConnectionString = false,
            });
            app.MapGet("/", async (HttpContext context) =>
            {
                var days = await database.DaysAsync(null, null, context.RequestAborted);
                return Results.Content(FleetPage.Render(days, DateTimeOffset.UtcNow), "text/html; charset=utf-8");
            });
        }
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        if (fleet.Work.Schedule is { } schedule)
        {
            try
            {
                recurring.AddOrUpdate<ScheduledRunJob>(ScheduledRunJob.Id, FleetQueues.Units, j => j.RunAsync(CancellationToken.None), schedule.Cron,
                    new RecurringJobOptions { TimeZone = schedule.TimeZone is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : fleet.TimeZone });
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"{schedule.Origin}: 'schedule.cron': {e.Message.Split('\n', 2)[0]}");
            }
        }
        else
        {
            recurring.RemoveIfExists(ScheduledRunJob.Id);
        }
        await app.StartAsync(cancellationToken);
        await Console.Error.WriteLineAsync($"gitbrief-server: {fleet.WorkerName} running {fleet.Settings.Workers} workers" +
            (dashboard.Enabled ? $", dashboard on http://{dashboard.Bind}/" : ""));
        try
        {
            await WhileParentLivesAsync(fleet.Environment(ParentVariable), cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
    }

    /// <summary>A process id: the server stops when that process ends (for a supervisor or a test harness that may be
    /// killed without stopping its children).</summary>
    public const string ParentVariable = "GITBRIEF_SERVER_PARENT_PID";

    private static async Task WhileParentLivesAsync(string? parent, CancellationToken cancellationToken)
    {
        if (!int.TryParse(parent, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(cancellationToken) && Directory.Exists($"/proc/{pid.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))
        {
        }
    }

    private static System.Net.IPAddress Listen(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? System.Net.IPAddress.Loopback : System.Net.IPAddress.Parse(host);
}
