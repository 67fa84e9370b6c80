namespace Gitbrief.Analysis.Llm;

/// <summary>The text of one completed request, whether the model stopped for length, and what it cost.</summary>
internal sealed record LlmReply(string Text, bool Truncated, int Requests, long InputTokens, long OutputTokens, int Retries)
{
    public LlmUsage Usage => new(Requests, InputTokens, OutputTokens, 0, Retries, 0);
}
