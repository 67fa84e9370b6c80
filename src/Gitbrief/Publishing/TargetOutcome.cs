namespace Gitbrief.Publishing;

/// <summary>What one target did in a run: reports newly delivered, updated in place (or, for chat and mail, an
/// update message sent), skipped as already delivered, and the error (secret-free, one line) if it failed.</summary>
public sealed record TargetOutcome(string Target, int Delivered, int Updated, int Skipped, string? Error = null)
{
    /// <summary>Reports of days not over yet that a chat, mail or issue target did not deliver (see <c>--allow-partial</c>).</summary>
    public IReadOnlyList<string> HeldBack { get; init; } = [];

    public bool Succeeded => Error is null;
}
