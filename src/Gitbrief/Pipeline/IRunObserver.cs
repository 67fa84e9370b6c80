namespace Gitbrief.Pipeline;

/// <summary>Receives progress of a run (the command line shows it; tests and workers may ignore it).
/// Calls can come from several threads at once.</summary>
public interface IRunObserver
{
    void StageChanged(string repository, RunStage stage, string? detail = null);

    /// <summary>Something the user should read even without a progress display, e.g. that this run waits for
    /// another one (one line, no trailing newline).</summary>
    void Notice(string message)
    {
    }
}
