using System.CommandLine;
using System.Globalization;
using Gitbrief.Pipeline;
using Gitbrief.Server.Jobs;
using Hangfire;

namespace Gitbrief.Server;

/// <summary><c>gitbrief-server enqueue --date D | --since D [--until D']</c>: queues a day or a backfill for the fleet
/// (default: yesterday in the report time zone) and returns; <c>status</c> shows how it goes.</summary>
internal static class EnqueueCommand
{
    public static readonly Option<string?> Date = new("--date") { Description = "The day to queue (YYYY-MM-DD); default yesterday." };
    public static readonly Option<string?> Since = new("--since") { Description = "First day of a backfill (YYYY-MM-DD)." };
    public static readonly Option<string?> Until = new("--until") { Description = "Last day of a backfill (default yesterday)." };

    public static Command Create()
    {
        var command = new Command("enqueue", "Queue a day (--date) or a backfill (--since/--until) for the fleet's workers.");
        foreach (var option in new Option[] { ServerOptions.Config, Date, Since, Until })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var fleet = ServerOptions.Open(parse);
            var days = Window(parse, fleet).Days().ToList();
            await using var database = FleetDatabase.Open(fleet.ConnectionString);
            await database.MigrateAsync(cancellationToken);
            HangfireSetup.Configure(GlobalConfiguration.Configuration, fleet);
            var queue = new DayQueue(fleet, database, new BackgroundJobClient());
            var jobs = await queue.QueueAsync(days, cancellationToken);
            var range = days.Count == 1 ? Iso(days[0]) : $"{Iso(days[0])} … {Iso(days[^1])}";
            await Console.Out.WriteLineAsync($"queued {range}: {days.Count} day(s), {jobs} repository-day job(s); 'gitbrief-server status' shows how they go");
            return 0;
        });
        return command;
    }

    /// <summary>The days, as <c>gitbrief report</c> reads --date/--since/--until (no day that has not begun).</summary>
    public static ReportWindow Window(ParseResult parse, FleetContext fleet) =>
        fleet.Work.Window(new ReportArguments { Date = parse.GetValue(Date), Since = parse.GetValue(Since), Until = parse.GetValue(Until) });

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
