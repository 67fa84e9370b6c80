using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Configuration;
using Gitbrief.Sources;

namespace Gitbrief.Evaluation;

/// <summary>Asks the configured model about every labelled commit of an evaluation, exactly as a report's LLM stage asks
/// (the same prompt with the rubric, the same client, throttle and retries, the same answer cache in the store), and
/// decides from each answer the level the <c>llm</c> and <c>hybrid</c> modes would show. A second run answers from the
/// cache; an answer that fails leaves the commit at the rules' level, as in a report.</summary>
internal sealed class ModelJudge(LlmAnalyzer analyzer, int concurrency, ImportanceWeights weights)
{
    /// <summary>The commits with the model's opinion; <paramref name="answered"/> hears the number of commits done so far.</summary>
    public async Task<IReadOnlyList<EvaluatedCommit>> JudgeAsync(
        IReadOnlyList<EvaluatedCommit> commits, Action<int>? answered, CancellationToken cancellationToken)
    {
        var repositories = commits.GroupBy(c => c.Repository, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new LlmRepository($"eval:{g.Key}", g.Key, new CapturedPatches(g.ToDictionary(c => c.Sha, c => c.Source.Commit, StringComparer.Ordinal))) { Weights = weights },
            StringComparer.Ordinal);
        // Enough commits being prepared (cache lookup, prompt) or sent to keep every request slot busy, no more.
        using var pending = new SemaphoreSlim(Math.Max(2, concurrency * 2));
        var done = 0;
        return await Task.WhenAll(commits.Select(async commit =>
        {
            await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var outcome = await analyzer.AnalyzeAsync(repositories[commit.Repository], commit.Source.Commit, commit.Source.Analyzed, cancellationToken)
                    .ConfigureAwait(false);
                return commit with { Model = Opinion(commit.Source.Analyzed, outcome) };
            }
            finally
            {
                pending.Release();
                answered?.Invoke(Interlocked.Increment(ref done));
            }
        })).ConfigureAwait(false);
    }

    private ModelOpinion Opinion(AnalyzedCommit rules, LlmOutcome outcome)
    {
        if (outcome.Answer is not { } answer)
        {
            return new ModelOpinion(null, null, rules.Importance.Level, rules.Importance.Level, false, outcome.FallbackReason ?? "no answer");
        }
        ImportanceLevel Decide(ImportanceMode mode) =>
            LlmVerdict.Decide(mode, rules.Scored, answer, rules.Files, weights, ReportLanguage.En).Level;
        return new ModelOpinion(answer.Importance, answer.ImportanceReason, Decide(ImportanceMode.Llm), Decide(ImportanceMode.Hybrid),
            outcome.Usage.CacheHits > 0, answer.Importance is null ? "the answer gave no level" : null);
    }
}
