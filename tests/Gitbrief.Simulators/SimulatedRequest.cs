namespace Gitbrief.Simulators;

/// <summary>One chat-completions request as the simulator received it.</summary>
public sealed record SimulatedRequest
{
    public required int Index { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string Path { get; init; }
    public required string Model { get; init; }
    public required bool Stream { get; init; }
    public string? ResponseFormat { get; init; }
    public required IReadOnlyList<(string Role, string Content)> Messages { get; init; }

    /// <summary>Prompt tokens as this server counts them (o200k_base, plus 4 per message).</summary>
    public required int InputTokens { get; init; }
    public int? MaxTokens { get; init; }
    public string? Authorization { get; init; }
    public required string Body { get; init; }

    /// <summary>The commit sha the prompt is about ("Commit: &lt;sha&gt;"), if any.</summary>
    public string? Sha { get; init; }

    /// <summary>Whether this is a day-highlights request rather than a commit analysis.</summary>
    public bool IsHighlights => Messages.Count > 0 && Messages[0].Content.Contains("highlights", StringComparison.Ordinal);

    /// <summary>Whether this is the repair request sent after an unusable answer.</summary>
    public bool IsRepair => Messages.Count > 2 && Messages[^1].Role == "user" && Messages[^1].Content.StartsWith("Your answer could not be used", StringComparison.Ordinal);
}
