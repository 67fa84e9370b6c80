namespace Gitbrief.Configuration;

/// <summary>The <c>llm:</c> section. Every key is optional; the current tool's keys (force_level, timeout,
/// max_tokens) keep their meaning.</summary>
public sealed record LlmSettings
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
}
