namespace Gitbrief.Reports.Themes;

/// <summary>The kinds of evidence that two commits belong together, each with its own weight.</summary>
internal enum SignalKind
{
    PullRequest,
    Scope,

    /// <summary>The folder-like part of a scope ("ext" of "ext/crypto"): a whole area of the product, not one piece of it.</summary>
    ParentScope,
    Word,
    Phrase,
    Ideographs,
    File,

    /// <summary>A test or docs file: many unrelated commits touch the same big test file or reference page.</summary>
    SupportFile,
    Component,
}
