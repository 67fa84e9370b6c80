using Gitbrief.Analysis.Llm;
using Gitbrief.Common;
using Gitbrief.Configuration;

namespace Gitbrief.Tests.Llm.Units;

public sealed class LlmOptionsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.TryGetValue(name, out var value) ? value : null;
    }

    private static string UniqueKey() => "sk-test-" + Guid.NewGuid().ToString("N");

    [Theory]
    [InlineData("https://api.example.com/v1", "https://api.example.com/v1")]
    [InlineData("https://api.example.com/v1/", "https://api.example.com/v1")]
    [InlineData("https://api.example.com/v1/chat/completions", "https://api.example.com/v1")]
    [InlineData("https://api.example.com/v1/chat/completions/", "https://api.example.com/v1")]
    [InlineData("  https://api.example.com/v1/Chat/Completions  ", "https://api.example.com/v1")]
    [InlineData("http://localhost:8080/v1", "http://localhost:8080/v1")]
    [InlineData("http://127.0.0.1:11434", "http://127.0.0.1:11434/")]
    public void NormalizeEndpointAcceptsBaseAndFullUrls(string input, string expected)
    {
        Assert.Equal(new Uri(expected), LlmOptions.NormalizeEndpoint(input));
    }

    [Theory]
    [InlineData("ftp://api.example.com/v1")]
    [InlineData("file:///etc/passwd")]
    [InlineData("api.example.com/v1")]
    [InlineData("localhost:8080")]
    [InlineData("")]
    [InlineData("not a url")]
    public void NormalizeEndpointRejectsWhatIsNotHttp(string input)
    {
        var error = Assert.Throws<UsageException>(() => LlmOptions.NormalizeEndpoint(input));

        Assert.Contains("not an http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentOverridesTheConfigFile()
    {
        var settings = new LlmSettings { BaseUrl = "https://config.example.com/v1", Model = "config-model" };
        var key = UniqueKey();

        var options = LlmOptions.Resolve(settings, Env(
            ("LLM_API_KEY", key), ("LLM_MODEL", " env-model "), ("LLM_BASE_URL", "https://env.example.com/v2/chat/completions")));

        Assert.Equal("env-model", options.Model);
        Assert.Equal(new Uri("https://env.example.com/v2"), options.Endpoint);
        Assert.Equal(key, options.ApiKey);
    }

    [Fact]
    public void ConfigFileIsUsedWhenTheEnvironmentIsEmpty()
    {
        var settings = new LlmSettings { BaseUrl = "https://config.example.com/v1/", Model = "config-model", MaxConcurrency = 7, MaxInputTokens = 9_000 };

        var options = LlmOptions.Resolve(settings, Env(("LLM_API_KEY", UniqueKey()), ("LLM_MODEL", "  "), ("LLM_BASE_URL", "")));

        Assert.Equal("config-model", options.Model);
        Assert.Equal(new Uri("https://config.example.com/v1"), options.Endpoint);
        Assert.Equal(7, options.Settings.MaxConcurrency);
        Assert.Equal(9_000, options.Settings.MaxInputTokens);
    }

    [Fact]
    public void DefaultsApplyWhenNothingIsSet()
    {
        var options = LlmOptions.Resolve(new LlmSettings(), Env(("LLM_API_KEY", UniqueKey())));

        Assert.Equal(LlmOptions.DefaultModel, options.Model);
        Assert.Equal(LlmOptions.NormalizeEndpoint(LlmOptions.DefaultBaseUrl), options.Endpoint);
        Assert.Equal(ResponseFormatMode.Auto, options.ResponseFormat);
        Assert.Equal(ImportanceMode.Hybrid, options.ImportanceMode);
        Assert.Null(options.ForceLevel);
    }

    [Fact]
    public void TheConfiguredKeyVariableWinsOverLlmApiKey()
    {
        var mine = UniqueKey();

        var options = LlmOptions.Resolve(new LlmSettings { ApiKeyEnv = "MY_LLM_KEY" }, Env(("MY_LLM_KEY", $"  {mine} "), ("LLM_API_KEY", UniqueKey())));

        Assert.Equal(mine, options.ApiKey);
    }

    [Fact]
    public void LlmApiKeyIsTheFallbackOfTheConfiguredVariable()
    {
        var key = UniqueKey();

        var options = LlmOptions.Resolve(new LlmSettings { ApiKeyEnv = "MY_LLM_KEY" }, Env(("MY_LLM_KEY", " "), ("LLM_API_KEY", key)));

        Assert.Equal(key, options.ApiKey);
    }

    [Fact]
    public void AMissingKeyIsAUsageErrorThatShowsNoSecret()
    {
        var other = UniqueKey();
        var settings = new LlmSettings { ApiKeyEnv = "MY_LLM_KEY", BaseUrl = "https://user:pw-" + other + "@config.example.com/v1" };

        var error = Assert.Throws<UsageException>(() => LlmOptions.Resolve(settings, Env(
            ("MY_LLM_KEY", ""), ("LLM_API_KEY", "   "), ("GITHUB_TOKEN", other), ("LLM_BASE_URL", "https://x:" + other + "@env.example.com/v1"))));

        Assert.Contains("MY_LLM_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains("LLM_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(other, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheKeyIsRegisteredWithTheRedactor()
    {
        var key = UniqueKey();

        LlmOptions.Resolve(new LlmSettings(), Env(("LLM_API_KEY", key)));

        var redacted = SecretRedactor.Redact($"Authorization: Bearer {key} failed");
        Assert.DoesNotContain(key, redacted, StringComparison.Ordinal);
        Assert.Equal("Authorization: Bearer *** failed", redacted);
    }

    [Theory]
    [InlineData("json_schema", nameof(ResponseFormatMode.JsonSchema))]
    [InlineData("json_object", nameof(ResponseFormatMode.JsonObject))]
    [InlineData("text", nameof(ResponseFormatMode.Text))]
    [InlineData("auto", nameof(ResponseFormatMode.Auto))]
    [InlineData("whatever", nameof(ResponseFormatMode.Auto))]
    public void ResponseFormatIsMapped(string configured, string expectedName)
    {
        var expected = Enum.Parse<ResponseFormatMode>(expectedName);
        var options = LlmOptions.Resolve(new LlmSettings { ResponseFormat = configured }, Env(("LLM_API_KEY", UniqueKey())));

        Assert.Equal(expected, options.ResponseFormat);
    }

    [Fact]
    public void ImportanceSourceAndForceLevelAreMapped()
    {
        var options = LlmOptions.Resolve(new LlmSettings { ImportanceSource = "llm", ForceLevel = "medium" }, Env(("LLM_API_KEY", UniqueKey())));

        Assert.Equal(ImportanceMode.Llm, options.ImportanceMode);
        Assert.Equal(ImportanceLevel.Medium, options.ForceLevel);
    }
}
