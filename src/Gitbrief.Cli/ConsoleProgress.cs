using Gitbrief.Pipeline;
using Spectre.Console;

namespace Gitbrief.Cli;

/// <summary>Runs a job with a live progress display on stderr when stderr is a terminal.</summary>
internal sealed class ConsoleProgress : IRunObserver
{
    private readonly ProgressContext context;
    private readonly IAnsiConsole console;
    private readonly Dictionary<string, ProgressTask> tasks = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private ConsoleProgress(ProgressContext context, IAnsiConsole console)
    {
        this.context = context;
        this.console = console;
    }

    /// <summary>Runs the job that <paramref name="job"/> builds for an observer (null: no display).</summary>
    public static async Task<RunSummary> RunAsync(
        Func<IRunObserver?, Func<CancellationToken, Task<RunSummary>>> job, bool quiet, CancellationToken cancellationToken)
    {
        if (quiet || Console.IsErrorRedirected)
        {
            return await job(quiet ? null : new NoticePrinter())(cancellationToken);
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn())
            .StartAsync(async context => await job(new ConsoleProgress(context, console))(cancellationToken));
    }

    public void Notice(string message)
    {
        lock (gate)
        {
            console.MarkupLine(Markup.Escape(message));
        }
    }

    public void StageChanged(string repository, RunStage stage, string? detail = null)
    {
        lock (gate)
        {
            if (!tasks.TryGetValue(repository, out var task))
            {
                task = context.AddTask(Markup.Escape(repository), maxValue: 4);
                tasks[repository] = task;
            }
            var text = stage switch
            {
                RunStage.Fetching => "fetching",
                RunStage.Reading => "reading",
                RunStage.Analysing => "analysing",
                RunStage.Rendering => "rendering",
                RunStage.Done => "done",
                _ => "failed",
            };
            task.Description = Markup.Escape($"{repository}: {text}{(detail is null ? string.Empty : " " + detail)}");
            task.Value = stage switch
            {
                RunStage.Fetching => 0,
                RunStage.Reading => 1,
                RunStage.Analysing => 2,
                RunStage.Rendering => 3,
                _ => 4,
            };
        }
    }
}

