namespace Gitbrief.Analysis;

/// <summary>The kinds of change a commit can make. A commit can have several.</summary>
internal enum ChangeType
{
    Feature,
    Fix,
    Performance,
    Refactor,
    Docs,
    Test,
    CI,
    Build,
    Dependencies,
    Config,
    Style,
    Chore,
    Revert,
    Security,
    Breaking,
    Other,
}
