namespace Gitbrief.Analysis;

/// <summary>What the message and the file roles say about a commit.</summary>
/// <param name="WeightKey">The commit_types key whose weight applies (feat, fix, …, other).</param>
/// <param name="Scope">The conventional scope, [tag] or "area:" prefix, if any.</param>
/// <param name="Subject">The title without its type/scope prefix.</param>
/// <param name="Declared">The title names its type the Conventional Commits way (<c>perf: …</c>, <c>[area] test: …</c>); otherwise a
/// [tag], a verb or the files told it.</param>
internal sealed record CommitTraits(
    IReadOnlyList<ChangeType> ChangeTypes,
    string WeightKey,
    string? Scope,
    string Subject,
    bool Breaking,
    bool Security,
    bool Revert,
    string? SecurityKeyword,
    bool Declared)
{
    /// <summary>The message's body: its lines after the title, without trailers, joined by \n (read once for the signals).</summary>
    public string Body { get; init; } = string.Empty;
}
