namespace Gitbrief.Pipeline;

/// <summary>An observer that ignores everything.</summary>
internal sealed class SilentObserver : IRunObserver
{
    public static SilentObserver Instance { get; } = new();

    public void StageChanged(string repository, RunStage stage, string? detail = null)
    {
    }
}
