using Gitbrief.Pipeline;

namespace Gitbrief.Cli;

/// <summary>Without a progress display (stderr is not a terminal): notices only, one line each on stderr.</summary>
internal sealed class NoticePrinter : IRunObserver
{
    public void StageChanged(string repository, RunStage stage, string? detail = null)
    {
    }

    public void Notice(string message) => Console.Error.WriteLine(message);
}
