namespace Gitbrief.Publishing;

/// <summary>What a target may need from the run beyond its own settings: the environment (for secrets named
/// by <c>*_env</c> keys), the output and cache directories, the formats written, and the clock.</summary>
internal sealed record PublishContext(
    Func<string, string?> Environment,
    string OutputDirectory,
    string CacheDirectory,
    IReadOnlyList<string> Formats,
    TimeProvider Time);
