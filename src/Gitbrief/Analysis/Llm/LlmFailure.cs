namespace Gitbrief.Analysis.Llm;

/// <summary>An LLM request that could not produce a valid answer; the commit falls back to the rules
/// analysis with <see cref="Exception.Message"/> as the reason (already free of secrets).</summary>
internal sealed class LlmFailure(string reason, int attempts) : Exception(reason)
{
    /// <summary>Requests sent before giving up.</summary>
    public int Attempts { get; } = attempts;

    /// <summary>The server refused the prompt as longer than its context: a smaller prompt may pass.</summary>
    public bool ContextExceeded { get; init; }
}
