namespace Gitbrief.Analysis;

/// <summary>How much a dependency update matters.</summary>
internal enum DependencyBumpKind
{
    Routine,
    Major,
    Engine,
}
