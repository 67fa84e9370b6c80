namespace Gitbrief.Analysis.Llm;

/// <summary>Where LLM answers are kept between runs, so a commit is asked about once: the store implements it
/// (SQLite or PostgreSQL); the analyzer knows only this.</summary>
internal interface IAnalysisCache
{
    /// <summary>The answer kept under the key, or null.</summary>
    Task<string?> FindAnalysisAsync(AnalysisKey key, CancellationToken cancellationToken);

    /// <summary>Keeps an answer as soon as it arrives (a later interruption loses nothing paid for).</summary>
    Task SaveAnalysisAsync(AnalysisKey key, string payload, CancellationToken cancellationToken);
}
