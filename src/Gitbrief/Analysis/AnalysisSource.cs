namespace Gitbrief.Analysis;

/// <summary>Where an analysis came from.</summary>
internal enum AnalysisSource
{
    Rules,
    Llm,
}
