namespace Gitbrief.Analysis.Llm;

/// <summary>What the LLM stage cost: requests sent, tokens in and out (as reported by the server, else as
/// counted here), cache hits, retries and fallbacks. Summable per commit, per day and per run.</summary>
public sealed record LlmUsage(int Requests, long InputTokens, long OutputTokens, int CacheHits, int Retries, int Fallbacks)
{
    public static LlmUsage None { get; } = new(0, 0, 0, 0, 0, 0);

    public static LlmUsage operator +(LlmUsage a, LlmUsage b) => new(
        a.Requests + b.Requests, a.InputTokens + b.InputTokens, a.OutputTokens + b.OutputTokens,
        a.CacheHits + b.CacheHits, a.Retries + b.Retries, a.Fallbacks + b.Fallbacks);
}
