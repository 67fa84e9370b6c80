namespace Gitbrief.Publishing;

/// <summary>What one target did in a run: reports newly delivered, updated in place, skipped as already
/// delivered, and the error (secret-free, one line) if it failed.</summary>
public sealed record TargetOutcome(string Target, int Delivered, int Updated, int Skipped, string? Error = null)
{
    public bool Succeeded => Error is null;
}
