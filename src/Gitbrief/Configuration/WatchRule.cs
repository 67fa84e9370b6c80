namespace Gitbrief.Configuration;

/// <summary>A reader's rule from a <c>watch:</c> list (top level, or a repository's). It matches a commit when
/// every condition it has holds: <see cref="Paths"/> (for <see cref="WatchEffect.Raise"/> any changed file
/// matches one pattern; for lower and mute every changed file does) and <see cref="Keywords"/> (one of them
/// appears in the message, case-insensitively, as whole words). See docs/watch.md.</summary>
internal sealed record WatchRule
{
    /// <summary>Path patterns (<see cref="WatchGlob"/> syntax), already checked by the config loader.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Words or phrases looked for in the commit's title and body.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public required WatchEffect Effect { get; init; }

    /// <summary>The level of raise / lower; <see cref="ImportanceLevel.Low"/> for mute.</summary>
    public ImportanceLevel Level { get; init; } = ImportanceLevel.Low;

    /// <summary>Where the rule was written (file:line), for messages.</summary>
    public string Origin { get; init; } = "";
}
