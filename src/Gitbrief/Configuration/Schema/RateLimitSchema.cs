using Key = Gitbrief.Configuration.Schema.ConfigKey<Gitbrief.Configuration.GitbriefConfig>;

namespace Gitbrief.Configuration.Schema;

/// <summary>The current tool's <c>rate_limit:</c> pacing keys: accepted and checked; Gitbrief paces LLM calls by
/// <c>llm.rpm</c> / <c>llm.tpm</c> instead of fixed sleeps.</summary>
internal static class RateLimitSchema
{
    private static readonly ConfigValue<double> Seconds = ConfigValues.Number(0, 86_400);

    public static ConfigSection<GitbriefConfig> Section { get; } = new(
    [
        Key.Mapping("delays", Checked("fast", "normal", "slow"), "the current tool's sleeps between calls"),
        Key.Mapping("backoff", Checked("initial", "max", "multiplier"), "the current tool's back-off"),
        Key.Mapping("retry", Checked("max_attempts"), "the current tool's retries (see `llm.max_retries`)"),
    ]);

    private static ConfigSection<GitbriefConfig> Checked(params string[] names) =>
        new([.. names.Select(name => Key.Checked(name, Seconds, "", "accepted and checked; no effect"))]);
}
