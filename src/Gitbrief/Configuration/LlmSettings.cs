namespace Gitbrief.Configuration;

/// <summary>The <c>llm:</c> section. Every key is optional; the current tool's keys (force_level, timeout,
/// max_tokens) keep their meaning.</summary>
internal sealed record LlmSettings
{
    public string? BaseUrl { get; init; }
    public string? Model { get; init; }
    public string ApiKeyEnv { get; init; } = "LLM_API_KEY";
    public string? ForceLevel { get; init; }
    public int MaxConcurrency { get; init; } = 4;
    public int? RequestsPerMinute { get; init; }
    public int? TokensPerMinute { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
    public int MaxInputTokens { get; init; } = 24_000;
    public int MaxOutputTokens { get; init; } = 2_048;
    public double? Temperature { get; init; }

    /// <summary>Stream answers (SSE) so that long answers never hit a read time-out; the time-out then
    /// applies to silence between chunks.</summary>
    public bool Stream { get; init; } = true;

    /// <summary>auto (JSON schema, stepping down to JSON mode and then plain text when the endpoint refuses),
    /// json_schema, json_object or text.</summary>
    public string ResponseFormat { get; init; } = "auto";

    /// <summary>Who decides a commit's level (<c>llm.importance</c>): hybrid (default: the model, between the rules'
    /// hard floors and ceilings), llm (the model alone) or rules (the rules; the model's view is recorded beside).</summary>
    public string ImportanceSource { get; init; } = "hybrid";

    /// <summary>Retries of one request (429, 5xx, time-outs) before its commit falls back to the rules.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Retries allowed in one run, over all requests: an outage fails fast instead of waiting out every commit.</summary>
    public int RetryBudget { get; init; } = 100;

    /// <summary>Base delay of the exponential back-off (with jitter) when the server gives no Retry-After.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
}
