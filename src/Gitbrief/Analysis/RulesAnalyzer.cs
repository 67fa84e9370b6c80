using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>The offline analyzer: classifies files, scores importance and writes the analysis text
/// that the data can honestly support. No network, no API key.</summary>
internal sealed class RulesAnalyzer(ImportanceWeights weights, ReportLanguage language)
{
    public ImportanceWeights Weights { get; } = weights;

    public ReportLanguage Language { get; } = language;

    public AnalyzedCommit Analyze(CommitRecord commit)
    {
        throw new NotImplementedException();
    }
}
