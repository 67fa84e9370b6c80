using System.Globalization;
using Key = Gitbrief.Configuration.Schema.ConfigKey<Gitbrief.Configuration.ImportanceWeights>;

namespace Gitbrief.Configuration.Schema;

/// <summary>The <c>importance:</c> section: the weights of the rules (the current tool's keys and defaults).</summary>
internal static class ImportanceSchema
{
    /// <summary>The conventional commit types a weight can be given to.</summary>
    private static readonly string[] CommitTypes =
        ["feat", "fix", "perf", "refactor", "test", "docs", "ci", "chore", "style", "build", "revert", "deps", "security", "other"];

    private static readonly ImportanceWeights Defaults = ImportanceWeights.Default;

    private static readonly ConfigValue<int> Points = ConfigValues.Int(-100, 100);

    public static ConfigSection<ImportanceWeights> Section { get; } = new(
    [
        Key.Mapping("commit_types", new ConfigSection<ImportanceWeights>([.. CommitTypes.Select(CommitType)]),
            "points per conventional commit type"),
        Key.Mapping("change_sizes", new ConfigSection<ImportanceWeights>(
        [
            Key.Of("large", ConfigValues.Int(0, 10_000_000), Show(Defaults.LargeChange), "more meaningful changed lines than this: +3",
                (w, n) => w with { LargeChange = n }),
            Key.Of("medium", ConfigValues.Int(0, 10_000_000), Show(Defaults.MediumChange), "more than this: +2", (w, n) => w with { MediumChange = n }),
            Key.Of("small", ConfigValues.Int(0, 10_000_000), Show(Defaults.SmallChange), "more than this: +1", (w, n) => w with { SmallChange = n }),
        ]), "points by size (lockfiles, generated, vendored and binary files not counted)"),
        Key.Mapping("file_types", new ConfigSection<ImportanceWeights>(
        [
            Key.Of("core", Points, Show(Defaults.CoreFiles), "points when the commit mostly changes source code", (w, n) => w with { CoreFiles = n }),
            Key.Of("config", Points, Show(Defaults.ConfigFiles), "… configuration", (w, n) => w with { ConfigFiles = n }),
            Key.Of("test", Points, Show(Defaults.TestFiles), "… tests", (w, n) => w with { TestFiles = n }),
            Key.Of("doc", Points, Show(Defaults.DocFiles), "… documentation", (w, n) => w with { DocFiles = n }).Alias("docs"),
        ]), "points for the commit's main kind of file"),
        Key.Mapping("scopes", new ConfigSection<ImportanceWeights>(
        [
            Key.Of("wide", ConfigValues.Int(0, 100_000), Show(Defaults.WideScope), "more meaningful files than this: +2", (w, n) => w with { WideScope = n }),
            Key.Of("medium", ConfigValues.Int(0, 100_000), Show(Defaults.MediumScope), "at least this many: +1", (w, n) => w with { MediumScope = n }),
        ]), "points by the number of files changed"),
        Key.Mapping("thresholds", new ConfigSection<ImportanceWeights>(
        [
            Key.Of("high", ConfigValues.Int(-1000, 1000), Show(Defaults.HighThreshold), "a score of at least this is high", (w, n) => w with { HighThreshold = n }),
            Key.Of("medium", ConfigValues.Int(-1000, 1000), Show(Defaults.MediumThreshold), "at least this (and below high) is medium; below, low",
                (w, n) => w with { MediumThreshold = n }),
        ]), "the scores at which a commit is high / medium"),
    ])
    {
        Check = (weights, node) => weights.MediumThreshold > weights.HighThreshold
            ? throw node.Fail($"importance.thresholds: medium ({Show(weights.MediumThreshold)}) must not exceed high ({Show(weights.HighThreshold)})")
            : weights,
    };

    private static Key CommitType(string type) => Key.Of(
        type,
        Points,
        Defaults.CommitTypes.TryGetValue(type, out var points) ? Show(points) : "as `other`",
        type == "other" ? "points for a commit of no other type" : $"points for a `{type}:` commit",
        (weights, n) => weights with { CommitTypes = new Dictionary<string, int>(weights.CommitTypes, StringComparer.Ordinal) { [type] = n } });

    private static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);
}
