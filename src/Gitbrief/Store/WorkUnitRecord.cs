namespace Gitbrief.Store;

public enum WorkUnitStatus
{
    Done,
    Failed,
}

/// <summary>What the store remembers of a unit of work.</summary>
public sealed record WorkUnitRecord(
    WorkUnitKey Key,
    WorkUnitStatus Status,
    int Commits,
    string? ReportHash,
    string? Error,
    long RunId,
    DateTimeOffset UpdatedAt);
