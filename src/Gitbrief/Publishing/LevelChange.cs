using Gitbrief.Analysis;

namespace Gitbrief.Publishing;

/// <summary>A commit whose level is not what the delivered report said.</summary>
internal sealed record LevelChange(ChangedCommit Commit, ImportanceLevel Was);
