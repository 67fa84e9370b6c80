using System.CommandLine;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;

namespace Gitbrief.Cli;

/// <summary><c>gitbrief report</c>: collects the flags and hands them to the library.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var repo = new Option<string[]>("--repo", "-r")
        {
            Description = "Repository to report on: a local path, a git URL (https, ssh, file://) or GitHub's owner/repo. Repeatable. Default: the config's repositories, else the current directory.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.OneOrMore,
        };
        var date = new Option<string>("--date") { Description = "The day to report, YYYY-MM-DD. Default: yesterday in the time zone." };
        var since = new Option<string>("--since") { Description = "First day of a range (inclusive), YYYY-MM-DD: one report per day per repository." };
        var until = new Option<string>("--until") { Description = "Last day of the range (inclusive). Default: yesterday." };
        var latest = new Option<bool>("--latest") { Description = "Report the most recent day that has commits." };
        var tz = new Option<string>("--tz") { Description = "IANA time zone that defines the day. Default: Asia/Shanghai." };
        var branch = new Option<string>("--branch") { Description = "Branch to read. Default: the remote's HEAD branch (local repositories: HEAD)." };
        var firstParent = new Option<bool>("--first-parent") { Description = "One entry per first-parent commit, merges included, diffed against the first parent." };
        var noFirstParent = new Option<bool>("--no-first-parent") { Description = "List non-merge commits even if the config says first_parent: true." };
        var lang = new Option<string>("--lang") { Description = "Report language: zh (default) or en." };
        var format = new Option<string>("--format") { Description = "Comma-separated output formats: md, json. Default: md,json." };
        var output = new Option<string>("--out", "-o") { Description = "Output directory. Default: reports." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the Markdown report to stdout and write nothing." };
        var llm = new Option<bool>("--llm") { Description = "Analyse with the configured LLM (llm: in the config, LLM_API_KEY / LLM_MODEL / LLM_BASE_URL)." };
        var noLlm = new Option<bool>("--no-llm") { Description = "Rules analysis only, even if the config says analysis: llm." };
        var config = new Option<string>("--config", "-c") { Description = "Config file. Default: gitbrief.yaml in the current directory, if present." };
        var cacheDir = new Option<string>("--cache-dir") { Description = "Cache directory for mirrors and the store. Default: ~/.cache/gitbrief." };

        var command = new Command("report", "Write the daily report of each repository (Markdown and JSON).");
        foreach (var option in new Option[] { repo, date, since, until, latest, tz, branch, firstParent, noFirstParent, lang, format, output, dryRun, llm, noLlm, config, cacheDir })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var arguments = new ReportArguments
            {
                Repositories = parse.GetValue(repo) ?? [],
                Date = parse.GetValue(date),
                Since = parse.GetValue(since),
                Until = parse.GetValue(until),
                Latest = parse.GetValue(latest),
                TimeZone = parse.GetValue(tz),
                Branch = parse.GetValue(branch),
                FirstParent = parse.GetValue(noFirstParent) ? false : parse.GetValue(firstParent) ? true : null,
                Language = parse.GetValue(lang),
                Formats = parse.GetValue(format),
                OutputDirectory = parse.GetValue(output),
                DryRun = parse.GetValue(dryRun),
                Llm = parse.GetValue(noLlm) ? false : parse.GetValue(llm) ? true : null,
                ConfigPath = parse.GetValue(config),
                CacheDirectory = parse.GetValue(cacheDir),
            };
            var workingDirectory = Environment.CurrentDirectory;
            var settings = ConfigLoader.Load(arguments.ConfigPath, workingDirectory);
            var request = RequestResolver.Resolve(arguments, settings, workingDirectory, DateTimeOffset.UtcNow);
            var quiet = parse.GetValue(GlobalOptions.Quiet);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var summary = await ConsoleProgress.RunAsync(request, quiet, cancellationToken);
            await RunReport.PrintAsync(summary, request, quiet, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return summary.ExitCode;
        });
        return command;
    }
}
