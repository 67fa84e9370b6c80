using System.Globalization;
using Key = Gitbrief.Configuration.Schema.ConfigKey<Gitbrief.Configuration.LlmSettings>;

namespace Gitbrief.Configuration.Schema;

/// <summary>The <c>llm:</c> section. The current tool's keys (force_level, timeout, max_tokens) keep their meaning.</summary>
internal static class LlmSchema
{
    /// <summary>The endpoint and model used when neither the file nor the environment names one.</summary>
    public const string DefaultBaseUrl = "https://api.deepseek.com/v1";
    public const string DefaultModel = "deepseek-chat";

    private static readonly LlmSettings Defaults = new();

    public static ConfigSection<LlmSettings> Section { get; } = new(
    [
        Key.Of("base_url", ConfigValues.Url(plainHttp: true), $"`{DefaultBaseUrl}`",
            "endpoint; `LLM_BASE_URL` wins; a trailing `/chat/completions` is accepted", (l, v) => l with { BaseUrl = v }),
        Key.Of("model", ConfigValues.Text, $"`{DefaultModel}`", "`LLM_MODEL` wins", (l, v) => l with { Model = v }),
        Key.Of("api_key_env", ConfigValues.VariableName, $"`{Defaults.ApiKeyEnv}`", "the *name* of the variable holding the key (never the key itself)",
            (l, v) => l with { ApiKeyEnv = v }),
        Key.Of("max_concurrency", ConfigValues.Int(1, 256), Show(Defaults.MaxConcurrency), "requests in flight at once", (l, v) => l with { MaxConcurrency = v }),
        Key.Of("rpm", ConfigValues.Int(1, 1_000_000), "none", "requests per minute (a token bucket)", (l, v) => l with { RequestsPerMinute = v }),
        Key.Of("tpm", ConfigValues.Int(1, int.MaxValue), "none", "tokens per minute (a token bucket)", (l, v) => l with { TokensPerMinute = v }),
        Key.Of("timeout", ConfigValues.Seconds(1, 3600), Show(Defaults.Timeout.TotalSeconds),
            "seconds of silence before a request is abandoned and retried (answers are streamed, so a long answer never times out while it is arriving)",
            (l, v) => l with { Timeout = v }),
        Key.Of("max_input_tokens", ConfigValues.Int(512, 10_000_000), Show(Defaults.MaxInputTokens),
            "no request is larger (counted with o200k_base, 10% kept as margin for other tokenizers); sized with `max_output_tokens` for a 32K-context model. A server that refuses a prompt as over its context gets it again at half this budget",
            (l, v) => l with { MaxInputTokens = v }),
        Key.Of("max_output_tokens", ConfigValues.Int(64, 1_000_000), Show(Defaults.MaxOutputTokens),
            "answer budget; the prompt asks for bounded, short fields so the JSON closes well within it", (l, v) => l with { MaxOutputTokens = v })
            .Alias("max_tokens"),
        Key.Of("temperature", ConfigValues.Number(0, 2), "server default", "sampling temperature", (l, v) => l with { Temperature = v }),
        Key.Of("stream", ConfigValues.Bool, Show(Defaults.Stream), "SSE streaming; `false` for servers that do not stream", (l, v) => l with { Stream = v }),
        Key.Of("response_format", ConfigValues.Choice("auto", "json_schema", "json_object", "text"), $"`{Defaults.ResponseFormat}`",
            "`auto` asks for a JSON schema, steps down to JSON mode and then plain text (with tolerant extraction) when the endpoint refuses; or force one",
            (l, v) => l with { ResponseFormat = v }),
        Key.Of("importance", ConfigValues.Choice("rules", "llm", "hybrid"), $"`{Defaults.ImportanceSource}`",
            "who decides the level (see [Who decides the level](#who-decides-the-level)); the model's own view is always recorded as `analysis.llmImportance` in the JSON",
            (l, v) => l with { ImportanceSource = v }),
        Key.Of("force_level", ConfigValues.Choice("high", "medium", "low"), "none",
            "analyse every commit at this depth (`high` gives every commit the full set of fields)", (l, v) => l with { ForceLevel = v }),
        Key.Of("max_retries", ConfigValues.Int(0, 20), Show(Defaults.MaxRetries),
            "retries of one request (429, 408, 5xx, connection errors, time-outs) with exponential back-off and jitter; after 3 connection failures in a row the endpoint is taken as down and nothing is retried or sent for the rest of the run",
            (l, v) => l with { MaxRetries = v }),
        Key.Of("retry_budget", ConfigValues.Int(0, 1_000_000), Show(Defaults.RetryBudget),
            "retries allowed in one run: an outage fails fast instead of waiting out every commit", (l, v) => l with { RetryBudget = v }),
        Key.Of("retry_delay", ConfigValues.Seconds(0, 600), Show(Defaults.RetryDelay.TotalSeconds),
            "base back-off in seconds when the server gives no `Retry-After`", (l, v) => l with { RetryDelay = v }),
    ]);

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(bool value) => value ? "true" : "false";
}
