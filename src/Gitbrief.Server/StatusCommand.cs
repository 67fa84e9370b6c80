using System.CommandLine;
using System.Globalization;
using System.Text;
using Gitbrief.Server.Dashboard;

namespace Gitbrief.Server;

/// <summary><c>gitbrief-server status</c>: per queued day, its units done / failed / running / pending and its publish;
/// with <c>--date</c>, every unit of that day (state, attempts, the last error).</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show the queued days: units done, failed, running and pending, and whether each day was published.");
        command.Options.Add(ServerOptions.Config);
        command.Options.Add(EnqueueCommand.Date);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var fleet = ServerOptions.Open(parse);
            await using var database = FleetDatabase.Open(fleet.ConnectionString);
            await database.MigrateAsync(cancellationToken);
            DateOnly? day = parse.GetValue(EnqueueCommand.Date) is { } text ? EnqueueCommand.Window(parse, fleet).First : null;
            var days = await database.DaysAsync(day, day, cancellationToken);
            var output = new StringBuilder(Table(days));
            if (day is { } one)
            {
                output.Append('\n').Append(Units(await database.UnitsAsync(one, cancellationToken)));
            }
            await Console.Out.WriteAsync(output.ToString());
            return 0;
        });
        return command;
    }

    public static string Table(IReadOnlyList<DayState> days)
    {
        var text = new StringBuilder("| day | units | done | failed | running | pending | LLM requests | cache hits | published |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var d in days)
        {
            var u = d.Units;
            text.Append(CultureInfo.InvariantCulture, $"| {d.IsoDay} | {u.Total} | {u.Done} | {u.Failed} | {u.Running} | {u.Pending} | {d.LlmRequests} | {d.LlmCacheHits} | {FleetPage.Published(d)} |\n");
        }
        return days.Count == 0 ? "no day queued yet ('gitbrief-server enqueue --date YYYY-MM-DD')\n" : text.ToString();
    }

    private static string Units(IReadOnlyList<UnitState> units)
    {
        var text = new StringBuilder("| repository | state | attempts | worker | error |\n| --- | --- | ---: | --- | --- |\n");
        foreach (var u in units)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {u.Repository} | {u.State} | {u.Attempts} | {u.Worker ?? ""} | {(u.Error ?? "").Replace('|', '/')} |\n");
        }
        return text.ToString();
    }
}
