namespace Gitbrief.Analysis.Llm;

/// <summary>The cache key of an LLM answer: the repository, what was analysed (a commit sha, or a day's
/// highlights with a hash of their input), the model, the prompt version, the language and the depth.</summary>
internal sealed record AnalysisKey(string Repository, string Subject, string Model, string PromptVersion, string Language, string Depth);
