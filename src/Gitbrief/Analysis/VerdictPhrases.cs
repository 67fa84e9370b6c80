using Gitbrief.Configuration;

namespace Gitbrief.Analysis;

/// <summary>The reasons written after the scorer — the reader's watch rules, the LLM's level and the hybrid mode's
/// bounds — in Chinese and English. Their codes are <see cref="Codes"/>.</summary>
internal sealed record VerdictPhrases
{
    public required Func<ImportanceLevel, string> Level { get; init; }
    public required Func<string, string> WatchPath { get; init; }
    public required Func<string, string> WatchKeyword { get; init; }
    public required string EvidenceSeparator { get; init; }
    public required Func<string, WatchEffect, ImportanceLevel, string> Watch { get; init; }
    public required Func<ImportanceLevel, string?, string> Llm { get; init; }
    public required Func<string, string> Floor { get; init; }
    public required string CeilingLow { get; init; }
    public required string CeilingMedium { get; init; }

    public static VerdictPhrases For(ReportLanguage language) => language == ReportLanguage.En ? English : Chinese;

    /// <summary>The reason codes of decisions made after the scorer. Renderers show them even at 0 points:
    /// "raise: high" on a commit that was already high still says the rule matched.</summary>
    public static class Codes
    {
        public const string Watch = "watch";
        public const string Llm = "llm";
        public const string Floor = "floor";
        public const string Ceiling = "ceiling";

        public static bool IsDecision(string code) => code is Watch or Llm or Floor or Ceiling;
    }

    private static string ZhLevel(ImportanceLevel level) => level switch
    {
        ImportanceLevel.High => "高",
        ImportanceLevel.Medium => "中",
        _ => "低",
    };

    private static string EnLevel(ImportanceLevel level) => level.ToString().ToLowerInvariant();

    public static VerdictPhrases Chinese { get; } = new()
    {
        Level = ZhLevel,
        WatchPath = pattern => $"路径 {pattern}",
        WatchKeyword = keyword => $"关键词“{keyword}”",
        EvidenceSeparator = " + ",
        Watch = (evidence, effect, level) => effect switch
        {
            WatchEffect.Raise => $"关注规则：{evidence} → 至少为{ZhLevel(level)}",
            WatchEffect.Lower => $"关注规则：{evidence} → 至多为{ZhLevel(level)}",
            _ => $"关注规则：{evidence} → 静音",
        },
        Llm = (level, why) => why is null ? $"模型判断：{ZhLevel(level)}" : $"模型判断：{ZhLevel(level)} — {why}",
        Floor = detail => $"混合模式下限：{detail} → 至少为高",
        CeilingLow = "混合模式上限：仅锁文件、生成、第三方或二进制文件 → 至多为低",
        CeilingMedium = "混合模式上限：仅文档、测试或 CI → 至多为中",
    };

    public static VerdictPhrases English { get; } = new()
    {
        Level = EnLevel,
        WatchPath = pattern => $"path {pattern}",
        WatchKeyword = keyword => $"keyword \"{keyword}\"",
        EvidenceSeparator = " + ",
        Watch = (evidence, effect, level) => effect switch
        {
            WatchEffect.Raise => $"watch rule: {evidence} → at least {EnLevel(level)}",
            WatchEffect.Lower => $"watch rule: {evidence} → at most {EnLevel(level)}",
            _ => $"watch rule: {evidence} → muted",
        },
        Llm = (level, why) => why is null ? $"LLM: {EnLevel(level)}" : $"LLM: {EnLevel(level)} — {why}",
        Floor = detail => $"hybrid floor: {detail} → at least high",
        CeilingLow = "hybrid ceiling: only lockfile, generated, vendored or binary files → at most low",
        CeilingMedium = "hybrid ceiling: only docs, tests or CI → at most medium",
    };
}
