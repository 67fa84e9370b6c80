namespace Gitbrief.Pipeline;

/// <summary>An observer that ignores everything.</summary>
public sealed class SilentObserver : IRunObserver
{
    public static SilentObserver Instance { get; } = new();

    public void StageChanged(string repository, RunStage stage, string? detail = null)
    {
    }
}
