using Gitbrief.Common;
using Gitbrief.Configuration;

namespace Gitbrief.Analysis.Llm;

/// <summary>The LLM settings resolved against the environment (LLM_API_KEY, LLM_MODEL, LLM_BASE_URL), ready
/// to use. The API key is registered with the <see cref="SecretRedactor"/> and never printed.</summary>
internal sealed record LlmOptions
{
    public const string DefaultBaseUrl = Configuration.Schema.LlmSchema.DefaultBaseUrl;
    public const string DefaultModel = Configuration.Schema.LlmSchema.DefaultModel;

    /// <summary>The base URL the client appends <c>/chat/completions</c> to.</summary>
    public required Uri Endpoint { get; init; }
    public required string Model { get; init; }
    public required string ApiKey { get; init; }

    /// <summary>The rest of the <c>llm:</c> section as configured (limits, budgets, time-out, retries).</summary>
    public required LlmSettings Settings { get; init; }

    /// <summary>A limit shared with other processes (the fleet's), asked before every request; null: this process's limits only.</summary>
    public ILlmAdmission? Admission { get; init; }

    public ResponseFormatMode ResponseFormat => Settings.ResponseFormat switch
    {
        "json_schema" => ResponseFormatMode.JsonSchema,
        "json_object" => ResponseFormatMode.JsonObject,
        "text" => ResponseFormatMode.Text,
        _ => ResponseFormatMode.Auto,
    };

    public ImportanceMode ImportanceMode => Settings.ImportanceSource switch
    {
        "rules" => ImportanceMode.Rules,
        "llm" => ImportanceMode.Llm,
        _ => ImportanceMode.Hybrid,
    };

    public ImportanceLevel? ForceLevel => Settings.ForceLevel switch
    {
        "high" => ImportanceLevel.High,
        "medium" => ImportanceLevel.Medium,
        "low" => ImportanceLevel.Low,
        _ => null,
    };

    /// <summary>Resolves the settings; env variables win over the config file as in the current tool.
    /// Throws a <see cref="UsageException"/> when no API key can be found.</summary>
    public static LlmOptions Resolve(LlmSettings settings, Func<string, string?> environment)
    {
        var fromEnvironment = NonEmpty(environment("LLM_BASE_URL"));
        var baseUrl = fromEnvironment ?? settings.BaseUrl ?? DefaultBaseUrl;
        var model = NonEmpty(environment("LLM_MODEL")) ?? settings.Model ?? DefaultModel;
        var variables = settings.ApiKeyEnv == "LLM_API_KEY" ? "LLM_API_KEY" : $"{settings.ApiKeyEnv} (or LLM_API_KEY)";
        var key = NonEmpty(environment(settings.ApiKeyEnv)) ?? NonEmpty(environment("LLM_API_KEY"))
            ?? throw new UsageException(
                $"LLM analysis needs an API key: set {variables}; for a local server without keys any value works");
        SecretRedactor.Register(key);
        var endpoint = NormalizeEndpoint(baseUrl);
        if (UrlSecrecy.HasCredentials(endpoint))
        {
            throw new UsageException($"{(fromEnvironment is null ? "llm.base_url" : "LLM_BASE_URL")}: the LLM base URL {UrlSecrecy.CredentialsProblem}");
        }
        return new LlmOptions
        {
            Endpoint = endpoint,
            Model = model.Trim(),
            ApiKey = key,
            Settings = settings,
        };
    }

    /// <summary>A warning for an endpoint named as plain http on another machine (self-hosted servers on a private
    /// network are common, so it is allowed), else null.</summary>
    public string? PlainHttpWarning => UrlSecrecy.IsPlainHttpOffLoopback(Endpoint)
        ? $"the LLM endpoint {UrlSecrecy.Origin(Endpoint)} is plain http: the API key and the commits sent to it travel unencrypted (use https unless it is on a private network)"
        : null;

    /// <summary>Accepts both a plain base URL (<c>https://host/v1</c>) and the current tool's full URL
    /// (<c>https://host/v1/chat/completions</c>).</summary>
    public static Uri NormalizeEndpoint(string baseUrl)
    {
        var text = baseUrl.Trim().TrimEnd('/');
        const string suffix = "/chat/completions";
        if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^suffix.Length];
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"LLM base URL '{SecretRedactor.Redact(text)}' is not an http(s) URL");
        }
        return uri;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>How the answer's JSON shape is requested from the endpoint.</summary>
internal enum ResponseFormatMode
{
    /// <summary>JSON schema, stepping down to JSON mode, then plain text, when the endpoint refuses.</summary>
    Auto,
    JsonSchema,
    JsonObject,
    Text,
}
