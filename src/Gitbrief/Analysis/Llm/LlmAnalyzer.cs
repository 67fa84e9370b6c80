using System.Text;
using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Sources;
using Microsoft.Extensions.AI;

namespace Gitbrief.Analysis.Llm;

/// <summary>The repository an LLM analysis belongs to: its cache identity, display name and where its patches come from
/// (git, or the GitHub API), with the weights and the reader's watch rules its verdicts are settled with.</summary>
internal sealed record LlmRepository(string CacheKey, string DisplayName, IPatchSource Patches)
{
    public ImportanceWeights Weights { get; init; } = ImportanceWeights.Default;
    public WatchRules Watch { get; init; } = WatchRules.None;
}

/// <summary>The outcome for one commit: the analysis shown (LLM, or rules with a fallback reason), its cost, and the
/// model's own answer (null when it fell back or was not asked) from which any importance mode can be decided again.</summary>
internal sealed record LlmOutcome(AnalyzedCommit Analyzed, LlmUsage Usage, string? FallbackReason)
{
    public LlmAnswer? Answer { get; init; }
}

/// <summary>The day request's outcome: the highlights (null when the request failed), the themes' names by 1-based
/// position, what it cost and why it failed.</summary>
internal sealed record DayAnswer(IReadOnlyList<string>? Highlights, IReadOnlyDictionary<int, ThemeName> ThemeNames, LlmUsage Usage, string? Failure);

/// <summary>Analyses commits with the LLM. Every commit ends with an analysis: a cached or fresh LLM answer,
/// or the rules analysis marked as a fallback with the reason. An invalid or truncated answer gets one
/// repair request carrying the error; a prompt the server refuses as over its context length is sent once more
/// built to half the input budget (and the rest of the run keeps to that half); answers are cached in the store
/// as soon as they arrive.</summary>
internal sealed class LlmAnalyzer(LlmClient client, IAnalysisCache? store, ReportLanguage language)
{
    private const int MinimumHighlightCommits = 3;
    private readonly Lazy<PromptBuilder> promptBuilder = new(() => Builder(language, client.Options.Settings.MaxInputTokens));
    private readonly Lazy<PromptBuilder> halfBuilder = new(() => Builder(language, client.Options.Settings.MaxInputTokens / 2));
    private volatile bool contextSmallerThanConfigured;

    private static TokenCounter Counter => TokenCounter.Default;

    private PromptBuilder Prompts => contextSmallerThanConfigured ? halfBuilder.Value : promptBuilder.Value;

    private static PromptBuilder Builder(ReportLanguage language, int maxInputTokens) =>
        new(TokenCounter.Default, language, maxInputTokens, TokenCounter.Default.Count(AnswerSchemas.Commit.GetRawText()));

    private string Language => language == ReportLanguage.Zh ? "zh" : "en";

    /// <summary>A muted commit (a reader's watch rule) is not sent: it stays low whatever the model says, so it keeps
    /// the rules analysis and costs nothing.</summary>
    public async Task<LlmOutcome> AnalyzeAsync(LlmRepository repository, CommitRecord commit, AnalyzedCommit rules, CancellationToken cancellationToken)
    {
        if (rules.Importance.Muted)
        {
            return new LlmOutcome(rules, LlmUsage.None, null);
        }
        var depth = client.Options.ForceLevel ?? rules.Importance.Level;
        var key = new AnalysisKey(repository.CacheKey, commit.Sha, client.Options.Model, PromptBuilder.Version, Language, depth.ToString().ToLowerInvariant());
        if (store is not null
            && await store.FindAnalysisAsync(key, cancellationToken).ConfigureAwait(false) is { } cached
            && AnswerParser.TryParse(cached, out var remembered, out _))
        {
            return new LlmOutcome(Apply(repository, commit, rules, remembered!), LlmUsage.None with { CacheHits = 1 }, null) { Answer = remembered };
        }
        if (client.EndpointDown is { } down)
        {
            // Not worth reading the diff for an endpoint that is not answering.
            return Fallback(rules, LlmUsage.None, down);
        }

        IReadOnlyDictionary<string, FilePatch> patches;
        try
        {
            patches = await repository.Patches.ReadAsync(commit.Sha, cancellationToken).ConfigureAwait(false);
        }
        catch (Common.RepositoryException)
        {
            patches = new Dictionary<string, FilePatch>();
        }
        var (json, usage, failure) = await AskWithinContextAsync(
            prompts => prompts.ForCommit(repository.DisplayName, commit, rules, depth, patches), AnswerSchemas.Commit, "commit_analysis", CommitProblem, cancellationToken)
            .ConfigureAwait(false);
        if (json is null)
        {
            return Fallback(rules, usage, failure!);
        }
        AnswerParser.TryParse(json, out var answer, out _);
        if (store is not null)
        {
            await store.SaveAnalysisAsync(key, json, cancellationToken).ConfigureAwait(false);
        }
        return new LlmOutcome(Apply(repository, commit, rules, answer!), usage, null) { Answer = answer };
    }

    /// <summary>3–5 highlights for a repository-day from its analysed commits, and the names of the rules'
    /// <paramref name="themes"/> (by position, 1-based; themes the model did not name keep their rules title). The
    /// highlights are null (with the reason) when the request failed, so the caller keeps the rules highlights.</summary>
    public async Task<DayAnswer> HighlightsAsync(
        LlmRepository repository, DateOnly date, IReadOnlyList<(string Title, ImportanceLevel Level, string Summary)> commits,
        IReadOnlyList<ThemeDraft> themes, CancellationToken cancellationToken)
    {
        if (commits.Count < MinimumHighlightCommits)
        {
            return new DayAnswer(commits.OrderBy(c => c.Level).Select(c => c.Summary.Length > 0 ? c.Summary : c.Title).ToList(), NoNames, LlmUsage.None, null);
        }
        var input = string.Join("\n", commits.Select(c => $"{c.Level}|{c.Title}|{c.Summary}"))
                    + string.Concat(themes.Select(t => $"\ntheme|{t.Level}|{t.Title}|{string.Join("|", t.CommitTitles)}"));
        var hash = Sha256.HexOf(Encoding.UTF8.GetBytes(input))[..16];
        var key = new AnalysisKey(repository.CacheKey, $"highlights:{date:yyyy-MM-dd}:{hash}", client.Options.Model, PromptBuilder.Version, Language, "day");
        if (store is not null
            && await store.FindAnalysisAsync(key, cancellationToken).ConfigureAwait(false) is { } cached
            && AnswerParser.TryParseHighlights(cached, out var remembered, out _))
        {
            return new DayAnswer(remembered, AnswerParser.ThemeNames(cached, themes.Count), LlmUsage.None with { CacheHits = 1 }, null);
        }
        var (json, usage, failure) = await AskWithinContextAsync(
            prompts => prompts.ForHighlights(repository.DisplayName, date, commits, themes), AnswerSchemas.Highlights, "day_highlights", HighlightsProblem, cancellationToken)
            .ConfigureAwait(false);
        if (json is null)
        {
            return new DayAnswer(null, NoNames, usage with { Fallbacks = 1 }, failure);
        }
        AnswerParser.TryParseHighlights(json, out var highlights, out _);
        if (store is not null)
        {
            await store.SaveAnalysisAsync(key, json, cancellationToken).ConfigureAwait(false);
        }
        return new DayAnswer(highlights, AnswerParser.ThemeNames(json, themes.Count), usage, null);
    }

    private static readonly IReadOnlyDictionary<int, ThemeName> NoNames = new Dictionary<int, ThemeName>();

    private static string? CommitProblem(string text) => AnswerParser.TryParse(text, out _, out var error) ? null : error;

    private static string? HighlightsProblem(string text) => AnswerParser.TryParseHighlights(text, out _, out var error) ? null : error;

    /// <summary>Builds and sends the prompt (<see cref="AskAsync"/>); when the server refuses it as over its context length,
    /// builds it again to half the input budget and sends that once. From then on every prompt keeps to the half.</summary>
    private async Task<(string? Json, LlmUsage Usage, string? Failure)> AskWithinContextAsync(
        Func<PromptBuilder, LlmPrompt> build, System.Text.Json.JsonElement schema, string schemaName, Func<string, string?> validate, CancellationToken cancellationToken)
    {
        var halved = contextSmallerThanConfigured;
        var (json, usage, failure, contextExceeded) = await AskAsync(build(Prompts), schema, schemaName, validate, cancellationToken).ConfigureAwait(false);
        if (!contextExceeded || halved)
        {
            return (json, usage, failure);
        }
        contextSmallerThanConfigured = true;
        var (again, more, second, _) = await AskAsync(build(halfBuilder.Value), schema, schemaName, validate, cancellationToken).ConfigureAwait(false);
        return (again, usage + more, second is null ? null : $"{second} (also with half the input budget, {client.Options.Settings.MaxInputTokens / 2} tokens)");
    }

    /// <summary>Sends the prompt; on a truncated or invalid answer sends one repair request with the error.
    /// Returns the valid JSON object, or null with the failure reason (and whether it was the context length).</summary>
    private async Task<(string? Json, LlmUsage Usage, string? Failure, bool ContextExceeded)> AskAsync(
        LlmPrompt prompt, System.Text.Json.JsonElement schema, string schemaName, Func<string, string?> validate, CancellationToken cancellationToken)
    {
        var usage = LlmUsage.None;
        List<ChatMessage> messages = [new(ChatRole.System, prompt.System), new(ChatRole.User, prompt.User)];
        try
        {
            var reply = await client.CompleteAsync(messages, prompt.InputTokens, schema, schemaName, cancellationToken).ConfigureAwait(false);
            usage += reply.Usage;
            var error = Problem(reply, validate);
            if (error is null)
            {
                return (Redacted(reply.Text), usage, null, false);
            }
            var (repair, repairTokens) = RepairConversation(prompt, reply.Text, error);
            var second = await client.CompleteAsync(repair, repairTokens, schema, schemaName, cancellationToken).ConfigureAwait(false);
            usage += second.Usage;
            var secondError = Problem(second, validate);
            return secondError is null
                ? (Redacted(second.Text), usage, null, false)
                : (null, usage, $"invalid answer after a repair request: {secondError} (first: {error})", false);
        }
        catch (LlmFailure failure)
        {
            usage += LlmUsage.None with { Requests = failure.Attempts, Retries = Math.Max(0, failure.Attempts - 1) };
            return (null, usage, failure.Message, failure.ContextExceeded);
        }
    }

    /// <summary>The answer's JSON object as cached: never with a secret in it, even if the model repeated one.</summary>
    private static string? Redacted(string reply) => AnswerParser.ExtractJsonObject(reply) is { } json ? Common.SecretRedactor.Redact(json) : null;

    private static string? Problem(LlmReply reply, Func<string, string?> validate) =>
        validate(reply.Text) is { } error ? (reply.Truncated ? "the answer was cut off (finish_reason: length)" : error) : null;

    /// <summary>The original request, the faulty answer (when it fits the budget) and a note naming the error.</summary>
    private (List<ChatMessage> Messages, int Tokens) RepairConversation(LlmPrompt prompt, string answer, string error)
    {
        var note = $"Your answer could not be used: {error}. Reply again with only one complete JSON object as instructed, " +
                   "with fewer and shorter strings so that it closes well within the length limit.";
        var noteTokens = Counter.Count(note) + TokenCounter.PerMessageOverhead;
        var maxInputTokens = client.Options.Settings.MaxInputTokens / (contextSmallerThanConfigured ? 2 : 1);
        var budget = (int)(maxInputTokens * TokenCounter.SafetyFactor);
        var answerTokens = Counter.Count(answer) + TokenCounter.PerMessageOverhead;
        List<ChatMessage> messages = [new(ChatRole.System, prompt.System), new(ChatRole.User, prompt.User)];
        var tokens = prompt.InputTokens + noteTokens;
        if (tokens + answerTokens <= budget)
        {
            messages.Add(new ChatMessage(ChatRole.Assistant, answer));
            tokens += answerTokens;
        }
        messages.Add(new ChatMessage(ChatRole.User, note));
        return (messages, tokens);
    }

    /// <summary>The answer's analysis, and the level the mode decides from the rules' own verdict and the model's,
    /// with the reader's watch rules applied last (in rules mode this is the rules analyzer's verdict again).</summary>
    private AnalyzedCommit Apply(LlmRepository repository, CommitRecord commit, AnalyzedCommit rules, LlmAnswer answer)
    {
        var decided = LlmVerdict.Decide(client.Options.ImportanceMode, rules.Scored, answer, rules.Files, repository.Weights, language);
        var importance = repository.Watch.Apply(decided, commit, rules.Files, repository.Weights, language);
        return rules with { Importance = importance, Analysis = answer.ToAnalysis(rules.Analysis) };
    }

    private static LlmOutcome Fallback(AnalyzedCommit rules, LlmUsage usage, string reason) =>
        new(rules with { Analysis = rules.Analysis with { FallbackReason = reason } }, usage with { Fallbacks = 1 }, reason);
}
