using System.CommandLine;
using Gitbrief.Common;
using Gitbrief.Evaluation;

namespace Gitbrief.Cli;

/// <summary><c>gitbrief eval</c>: measures the ranking against a hand-labelled set; <c>gitbrief eval capture</c> adds a
/// repository-day to such a set.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "The evaluation set (labels/ and data/); several are pooled (--data eval/holdout*). Default: eval.",
            AllowMultipleArgumentsPerToken = true,
        };
        var disagreements = new Option<bool>("--disagreements") { Description = "List every commit where the rules (and, with --llm, the hybrid mode) and the label differ." };
        var llm = new Option<bool>("--llm")
        {
            Description = "Also ask the configured LLM about every labelled commit (as report --llm does; answers cached in the store) and print the llm and hybrid modes beside the rules.",
        };
        var config = new Option<string>("--config") { Description = "The config file whose llm: section and store --llm use. Default: gitbrief.yaml found as report finds it." };
        var command = new Command("eval", "Measure the importance ranking against hand-labelled commits (agreement, high precision/recall, old tool beside it).");
        foreach (var option in new Option[] { data, disagreements, llm, config })
        {
            command.Options.Add(option);
        }
        command.Subcommands.Add(Capture());
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directories = (parse.GetValue(data) is { Length: > 0 } given ? given : ["eval"]).Select(Path.GetFullPath).ToList();
            if (!parse.GetValue(llm))
            {
                await Console.Out.WriteAsync(EvaluationCommands.Evaluate(directories, parse.GetValue(disagreements)).AsMemory(), cancellationToken);
                return 0;
            }
            var (text, exitCode) = await EvaluationCommands.EvaluateWithModelAsync(
                directories, parse.GetValue(disagreements), parse.GetValue(config), Environment.CurrentDirectory, Environment.GetEnvironmentVariable,
                parse.GetValue(GlobalOptions.Quiet) ? null : Progress(), cancellationToken);
            await Console.Out.WriteAsync(text.AsMemory(), cancellationToken);
            return exitCode;
        });
        return command;
    }

    /// <summary>"eval: 120/514 commits answered" on stderr, once every tenth of the set and at the end.</summary>
    private static Action<int, int> Progress()
    {
        var gate = new Lock();
        var shown = 0;
        return (done, total) =>
        {
            lock (gate)
            {
                if (done == total || (done - shown) * 10 >= total)
                {
                    shown = done;
                    Console.Error.WriteLine($"eval: {done}/{total} commits answered");
                }
            }
        };
    }

    private static Command Capture()
    {
        var repository = new Option<string>("--repo") { Description = "The git repository (work tree or bare) to read.", Required = true };
        var name = new Option<string>("--name") { Description = "The repository's name in the set, e.g. owner/repo.", Required = true };
        var date = new Option<string>("--date") { Description = "The day, YYYY-MM-DD.", Required = true };
        var timeZone = new Option<string>("--tz") { Description = "The time zone of the day. Default: UTC." };
        var data = new Option<string>("--data") { Description = "The evaluation set to add the day to. Default: eval." };
        var command = new Command("capture", "Capture a repository-day (commits, changed-line samples, repository profile) into an evaluation set.");
        foreach (var option in new Option[] { repository, name, date, timeZone, data })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var zoneName = parse.GetValue(timeZone) ?? "UTC";
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneName.Trim(), out var zone))
            {
                throw new UsageException($"--tz: unknown time zone '{zoneName}'");
            }
            if (!DateOnly.TryParseExact(parse.GetValue(date), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                throw new UsageException($"--date: expected YYYY-MM-DD, got '{parse.GetValue(date)}'");
            }
            var repositoryName = parse.GetValue(name)!;
            var (path, commits) = await EvaluationCommands.CaptureAsync(
                Path.GetFullPath(parse.GetValue(repository)!), repositoryName, day, zone, Path.GetFullPath(parse.GetValue(data) ?? "eval"), cancellationToken);
            await Console.Error.WriteLineAsync($"eval: {commits} commits of {repositoryName} on {day:yyyy-MM-dd} → {path}");
            return 0;
        });
        return command;
    }
}
