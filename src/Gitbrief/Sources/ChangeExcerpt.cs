namespace Gitbrief.Sources;

/// <summary>A bounded sample of a commit's changed lines (no context), per file: enough for the rules to see an
/// edited default, a new experimental flag or a version string, never the whole patch.</summary>
public sealed record ChangeExcerpt(IReadOnlyDictionary<string, IReadOnlyList<string>> Files)
{
    public const int MaxLinesPerFile = 40;
    public const int MaxLinesPerCommit = 160;
    public const int MaxLineLength = 160;

    public IReadOnlyList<string> LinesOf(string path) => Files.TryGetValue(path, out var lines) ? lines : [];
}
