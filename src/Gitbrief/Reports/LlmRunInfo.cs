using Gitbrief.Analysis.Llm;

namespace Gitbrief.Reports;

/// <summary>The model used for a report and what its LLM requests cost; the wall time is the repository's LLM stage.</summary>
internal sealed record LlmRunInfo(string Model, LlmUsage Usage, TimeSpan WallTime);
