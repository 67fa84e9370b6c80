namespace Gitbrief.Pipeline;

/// <summary>The stages a repository goes through in a run, for progress display.</summary>
public enum RunStage
{
    Fetching,
    Reading,
    Analysing,
    Rendering,
    Done,
    Failed,
}
