namespace Gitbrief.Analysis.Llm;

/// <summary>A commit (or a day's highlights) whose LLM analysis failed, and why.</summary>
public sealed record LlmFallback(string Repository, string Subject, string Reason);
