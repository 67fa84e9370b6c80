using System.CommandLine;
using Gitbrief.Pipeline;

namespace Gitbrief.Cli;

/// <summary><c>gitbrief run</c>: the daily job — report, then deliver to every configured target.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var options = new ReportOptions();
        var resend = new Option<bool>("--resend") { Description = "Send chat and e-mail messages again even if they were sent for these days." };
        var allowPartial = new Option<bool>("--allow-partial")
        {
            Description = "Also send chat, e-mail and GitHub-issue reports of a day that is not over yet (today); by default only files get them.",
        };
        var command = new Command("run", "The daily job: report yesterday (or --date/--since/--until) and publish to every target in the config.");
        foreach (var option in options.All.Append(resend).Append(allowPartial))
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (config, request) = await options.ResolveAsync(parse);
            var quiet = parse.GetValue(GlobalOptions.Quiet);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var summary = await ConsoleProgress.RunAsync(
                observer => DailyJob.Create(request, config, observer: observer, resend: parse.GetValue(resend), allowPartial: parse.GetValue(allowPartial)).RunAsync,
                quiet, cancellationToken);
            await RunReport.PrintAsync(summary, request, quiet, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return summary.ExitCode;
        });
        return command;
    }
}
