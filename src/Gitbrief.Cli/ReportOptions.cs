using System.CommandLine;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;

namespace Gitbrief.Cli;

/// <summary>The options <c>report</c> and <c>run</c> share, and how they become <see cref="ReportArguments"/>.</summary>
internal sealed class ReportOptions
{
    public Option<string[]> Repo { get; } = new("--repo", "-r")
    {
        Description = "Repository to report on: a local path, a git URL (https, ssh, file://) or GitHub's owner/repo. Repeatable. Default: the config's repositories, else the current directory.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> Date { get; } = new("--date") { Description = "The day to report, YYYY-MM-DD. Default: yesterday in the time zone." };

    public Option<string> Since { get; } = new("--since") { Description = "First day of a range (inclusive), YYYY-MM-DD: one report per day per repository." };

    public Option<string> Until { get; } = new("--until") { Description = "Last day of the range (inclusive). Default: yesterday." };

    public Option<bool> Latest { get; } = new("--latest") { Description = "Report the most recent day that has commits." };

    public Option<string> Tz { get; } = new("--tz") { Description = "IANA time zone that defines the day. Default: Asia/Shanghai." };

    public Option<string> Branch { get; } = new("--branch") { Description = "Branch to read. Default: the remote's HEAD branch (local repositories: HEAD)." };

    public Option<bool> FirstParent { get; } = new("--first-parent") { Description = "One entry per first-parent commit, merges included, diffed against the first parent." };

    public Option<bool> NoFirstParent { get; } = new("--no-first-parent") { Description = "List non-merge commits even if the config says first_parent: true." };

    public Option<string> Lang { get; } = new("--lang") { Description = "Report language: zh (default) or en." };

    public Option<string> Format { get; } = new("--format") { Description = "Comma-separated output formats: md, json. Default: md,json." };

    public Option<string> Output { get; } = new("--out", "-o") { Description = "Output directory. Default: reports." };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the Markdown report to stdout and write nothing." };

    public Option<bool> Llm { get; } = new("--llm", "--enable-analysis")
    {
        Description = "Analyse with the configured LLM (llm: in the config, LLM_API_KEY / LLM_MODEL / LLM_BASE_URL). --enable-analysis is the previous tool's name for it.",
    };

    public Option<bool> NoLlm { get; } = new("--no-llm") { Description = "Rules analysis only, even if the config says analysis: llm." };

    public Option<string> Config { get; } = new("--config", "-c") { Description = "Config file. Default: gitbrief.yaml in the current directory, if present." };

    public Option<string> CacheDir { get; } = new("--cache-dir") { Description = "Cache directory for mirrors and the store. Default: ~/.cache/gitbrief." };

    public IEnumerable<Option> All => [Repo, Date, Since, Until, Latest, Tz, Branch, FirstParent, NoFirstParent, Lang, Format, Output, DryRun, Llm, NoLlm, Config, CacheDir];

    public ReportArguments Arguments(ParseResult parse) => new()
    {
        Repositories = parse.GetValue(Repo) ?? [],
        Date = parse.GetValue(Date),
        Since = parse.GetValue(Since),
        Until = parse.GetValue(Until),
        Latest = parse.GetValue(Latest),
        TimeZone = parse.GetValue(Tz),
        Branch = parse.GetValue(Branch),
        FirstParent = parse.GetValue(NoFirstParent) ? false : parse.GetValue(FirstParent) ? true : null,
        Language = parse.GetValue(Lang),
        Formats = parse.GetValue(Format),
        OutputDirectory = parse.GetValue(Output),
        DryRun = parse.GetValue(DryRun),
        Llm = parse.GetValue(NoLlm) ? false : parse.GetValue(Llm) ? true : null,
        ConfigPath = parse.GetValue(Config),
        CacheDirectory = parse.GetValue(CacheDir),
    };

    /// <summary>Loads the config and resolves the request, as both commands do; prints the notices about how the
    /// config was found and the warnings about the request on stderr (unless --quiet).</summary>
    public async Task<(GitbriefConfig Config, ReportRequest Request)> ResolveAsync(ParseResult parse)
    {
        if (!parse.GetValue(DryRun))
        {
            // SQLite loads on another core while the config is read (a dry run writes no store).
            Store.StoreWarmup.Begin();
        }
        var arguments = Arguments(parse);
        var workingDirectory = Environment.CurrentDirectory;
        var config = ConfigLoader.Load(arguments.ConfigPath, workingDirectory);
        var request = RequestResolver.Resolve(arguments, config, workingDirectory, DateTimeOffset.UtcNow);
        if (!parse.GetValue(GlobalOptions.Quiet))
        {
            foreach (var notice in config.Notices)
            {
                await Console.Error.WriteLineAsync($"gitbrief: notice: {notice}");
            }
            foreach (var warning in request.Warnings)
            {
                await Console.Error.WriteLineAsync($"gitbrief: warning: {warning}");
            }
        }
        return (config, request);
    }
}
