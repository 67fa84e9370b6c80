using Gitbrief.Analysis;
using Gitbrief.Reports;

namespace Gitbrief.Pipeline;

/// <summary>A repository's commits analysed: the report builder over its rules, the repository as reports show it,
/// each commit's analysis by SHA, and the LLM's results when the LLM was on.</summary>
internal sealed record RepositoryAnalysis(
    ReportBuilder Builder, ReportRepository Repository, IReadOnlyDictionary<string, AnalyzedCommit> Analyses, LlmRepositoryResult? Llm);
