namespace Gitbrief.Store;

internal enum WorkUnitStatus
{
    Done,
    Failed,
}

/// <summary>What the store remembers of a unit of work.</summary>
internal sealed record WorkUnitRecord(
    WorkUnitKey Key,
    WorkUnitStatus Status,
    int Commits,
    string? ReportHash,
    string? Error,
    long RunId,
    DateTimeOffset UpdatedAt)
{
    /// <summary>What the unit's LLM requests cost in the run that did it (kept here and printed, never in the report files,
    /// so that the same inputs always give the same report bytes).</summary>
    public Analysis.Llm.LlmUsage? LlmUsage { get; init; }

    /// <summary>How long the repository's LLM stage took in that run.</summary>
    public TimeSpan? LlmWallTime { get; init; }
}
