using Gitbrief.Common;
using Key = Gitbrief.Configuration.Schema.ConfigKey<Gitbrief.Configuration.Schema.WatchRuleDraft>;

namespace Gitbrief.Configuration.Schema;

/// <summary>A <c>watch:</c> list (top level or in a repository entry): rules with a condition (paths, keywords or
/// both) and one effect. Every problem — an unknown key, a bad glob, no condition, no effect or two — is an error
/// naming the file and line.</summary>
internal static class WatchSchema
{
    private const int MaxKeywordLength = 200;

    /// <summary><c>mute:</c> takes only true: leaving the rule out is how a mute stops.</summary>
    private static readonly ConfigValue<ImportanceLevel> Mute = ConfigValues.Bool
        .Then((n, on) => on ? ImportanceLevel.Low : throw n.Fail($"'{n.Key}' can only be true (leave the rule out to stop muting)"))
        .Described("true");

    public static ConfigSection<WatchRuleDraft> Rule { get; } = new(
    [
        Key.Of("paths", Entries("list of path patterns", Glob), "", "changed files: for `raise` any one matching, for `lower`/`mute` every one",
            (d, v) => d with { Paths = v }),
        Key.Of("keywords", Entries("list of words or phrases", Keyword), "",
            "one of them in the commit's title or body, case-insensitively, as whole words", (d, v) => d with { Keywords = v }),
        Effect("raise", WatchEffect.Raise, Level("high", "medium"), "the commit is at least this level (and no longer muted)"),
        Effect("lower", WatchEffect.Lower, Level("low", "medium"), "the commit is at most this level"),
        Effect("mute", WatchEffect.Mute, Mute, "the commit is low and left out of highlights, themes and digests"),
    ])
    {
        Check = (draft, node) =>
        {
            var list = node.Key.EndsWith("[]", StringComparison.Ordinal) ? node.Key[..^2] : node.Key;
            if (draft.Paths.Count == 0 && draft.Keywords.Count == 0)
            {
                throw node.Fail($"a '{list}' rule needs 'paths:' or 'keywords:' (or both) to say which commits it is about");
            }
            return draft.Effects.Count switch
            {
                1 => draft,
                0 => throw node.Fail($"a '{list}' rule needs one effect: 'raise: high|medium', 'lower: low|medium' or 'mute: true'"),
                _ => throw draft.Effects[1].Where.Fail($"a '{list}' rule has one effect; split raise / lower / mute into separate rules"),
            };
        },
    };

    /// <summary>The rules of a <c>watch:</c> list, named <paramref name="name"/> in messages (default: the key).</summary>
    public static ConfigValue<IReadOnlyList<WatchRule>> Rules(string? name = null) => new("list of rules", node =>
    {
        var list = node with { Key = name ?? node.Key };
        return node.Reader.Sequence(node.Node, list.Key).Select(item => ReadRule(list.At(item))).ToList();
    });

    private static WatchRule ReadRule(ConfigNode item)
    {
        var draft = Rule.Read(item with { Key = item.Key + "[]" }, new WatchRuleDraft());
        return new WatchRule
        {
            Paths = draft.Paths,
            Keywords = draft.Keywords,
            Effect = draft.Effects[0].Effect,
            Level = draft.Effects[0].Level,
            Origin = item.Location,
        };
    }

    private static ConfigValue<ImportanceLevel> Level(params string[] levels) => ConfigValues.Choice(levels).Then((_, level) => level switch
    {
        "high" => ImportanceLevel.High,
        "medium" => ImportanceLevel.Medium,
        _ => ImportanceLevel.Low,
    });

    /// <summary>An effect key: remembered with where it was written, so a second effect is reported at its own line.</summary>
    private static Key Effect(string name, WatchEffect effect, ConfigValue<ImportanceLevel> level, string doc) =>
        new(name, level.Type, "", doc, (draft, node) => draft.With(effect, level.Read(node), node)) { Value = level };

    /// <summary>A non-empty list of texts, each checked by <paramref name="problem"/> (null: fine).</summary>
    private static ConfigValue<IReadOnlyList<string>> Entries(string type, Func<string, string?> problem) => new(type, node =>
    {
        var values = new List<string>();
        foreach (var element in node.Reader.Sequence(node.Node, node.Key))
        {
            var text = node.Reader.String(element, node.Key);
            if (problem(text) is { } error)
            {
                throw node.At(element).Fail($"'{node.Key}': '{YamlNodeReader.Printable(text)}' {error}");
            }
            values.Add(text);
        }
        return values.Count > 0 ? values : throw node.Fail($"'{node.Key}' must list at least one entry");
    });

    private static string? Glob(string pattern)
    {
        try
        {
            WatchGlob.Parse(pattern);
            return null;
        }
        catch (FormatException e)
        {
            return "is not a valid path pattern: " + e.Message;
        }
    }

    private static string? Keyword(string keyword) =>
        string.IsNullOrWhiteSpace(keyword) ? "is empty"
        : keyword.Length > MaxKeywordLength ? $"is longer than {MaxKeywordLength} characters"
        : keyword.Any(char.IsControl) ? "contains control characters"
        : null;
}
