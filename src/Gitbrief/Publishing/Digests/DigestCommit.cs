using Gitbrief.Analysis;
using Gitbrief.Rendering;
using Gitbrief.Reports;

namespace Gitbrief.Publishing.Digests;

/// <summary>A commit as a message lists it: sha, title (without bidirectional controls), level and link; the mail
/// also shows the author, the change types and the pull request.</summary>
internal sealed record DigestCommit(string Sha, string Title, ImportanceLevel Level, string? Url)
{
    public string Author { get; init; } = string.Empty;

    public IReadOnlyList<ChangeType> Types { get; init; } = [];

    public int? PullRequest { get; init; }

    public string? PullRequestUrl { get; init; }

    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;

    /// <summary>"high" | "medium" | "low".</summary>
    public string Importance => Level.ToString().ToLowerInvariant();

    public static DigestCommit Of(ReportEntry entry) => new(entry.Commit.Sha, BidiControls.Strip(entry.Commit.Title), entry.Level, entry.CommitUrl)
    {
        Author = BidiControls.Strip(entry.Commit.Author.Name),
        Types = entry.Analysis.ChangeTypes,
        PullRequest = entry.Commit.PullRequest,
        PullRequestUrl = entry.Commit.PullRequest is null ? null : entry.PullRequestUrl,
    };
}
