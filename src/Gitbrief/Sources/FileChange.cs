namespace Gitbrief.Sources;

/// <summary>One file touched by a commit. <see cref="OldPath"/> is set for renames and copies.
/// Binary files have no line counts (both zero) and <see cref="Binary"/> set.</summary>
internal sealed record FileChange(
    string Path,
    string? OldPath,
    FileStatus Status,
    int Additions,
    int Deletions,
    bool Binary)
{
    /// <summary>The source has line counts but no diff text for this file (the GitHub API leaves out the
    /// patch of large files): the LLM prompt names it as omitted instead of showing it.</summary>
    public bool PatchUnavailable { get; init; }
}
