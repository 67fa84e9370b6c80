namespace Gitbrief.Sources;

/// <summary>Gives the per-file patches of a commit (against its first parent), keyed by the new path
/// (the old path for deletions). Only the LLM analyzer asks, and only for commits it has not analysed before.</summary>
internal interface IPatchSource
{
    Task<IReadOnlyDictionary<string, FilePatch>> ReadAsync(string sha, CancellationToken cancellationToken);
}
