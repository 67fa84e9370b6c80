namespace Gitbrief.Analysis;

/// <summary>Where a path lies in its repository, as the repository's own structure and history show it.</summary>
internal enum Placement
{
    /// <summary>Too little is known about the repository to tell.</summary>
    Unknown,

    /// <summary>In the part of the repository where most of its code lives and changes.</summary>
    Core,

    /// <summary>In a part of ordinary weight.</summary>
    Normal,

    /// <summary>In a small, rarely changed part set apart from the main code (benchmarks, examples, tools…).</summary>
    Periphery,
}
