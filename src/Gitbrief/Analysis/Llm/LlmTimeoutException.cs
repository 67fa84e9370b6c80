namespace Gitbrief.Analysis.Llm;

/// <summary>A request that went silent for longer than the time-out.</summary>
internal sealed class LlmTimeoutException(TimeSpan timeout)
    : Exception($"no response for {timeout.TotalSeconds:0} s");
