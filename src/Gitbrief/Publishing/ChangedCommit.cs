using Gitbrief.Analysis;

namespace Gitbrief.Publishing;

/// <summary>A commit as the change lists it.</summary>
internal sealed record ChangedCommit(string Sha, ImportanceLevel Level, string Title)
{
    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;
}
