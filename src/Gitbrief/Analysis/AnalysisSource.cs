namespace Gitbrief.Analysis;

/// <summary>Where an analysis came from.</summary>
public enum AnalysisSource
{
    Rules,
    Llm,
}
