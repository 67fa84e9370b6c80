using System.CommandLine;

namespace Gitbrief.Cli;

/// <summary><c>gitbrief report</c>: collects the flags and hands them to the library.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var options = new ReportOptions();
        var command = new Command("report", "Write the daily report of each repository (Markdown and JSON).");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (_, request) = await options.ResolveAsync(parse);
            var quiet = parse.GetValue(GlobalOptions.Quiet);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var summary = await ConsoleProgress.RunAsync(observer => new Pipeline.ReportJob(request, observer).RunAsync, quiet, cancellationToken);
            await RunReport.PrintAsync(summary, request, quiet, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return summary.ExitCode;
        });
        return command;
    }
}
