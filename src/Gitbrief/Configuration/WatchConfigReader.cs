using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Gitbrief.Configuration;

/// <summary>Reads a <c>watch:</c> list (top level or in a repository entry). Every problem — an unknown key, a bad
/// glob, no condition, no effect or two — is an error naming the file and line.</summary>
internal static class WatchConfigReader
{
    private static readonly string[] Keys = ["paths", "keywords", "raise", "lower", "mute"];
    private const int MaxKeywordLength = 200;

    public static List<WatchRule> Read(YamlNodeReader reader, YamlNode node, string what)
    {
        var rules = new List<WatchRule>();
        foreach (var item in reader.Sequence(node, what))
        {
            rules.Add(ReadRule(reader, item, what));
        }
        return rules;
    }

    private static WatchRule ReadRule(YamlNodeReader reader, YamlNode item, string what)
    {
        var entry = what + "[]";
        IReadOnlyList<string> paths = [];
        IReadOnlyList<string> keywords = [];
        var effects = new List<(WatchEffect Effect, ImportanceLevel Level, YamlNode Key)>();
        foreach (var (key, value, keyNode) in reader.Mapping(item, entry, Keys))
        {
            var name = $"{entry}.{key}";
            switch (key)
            {
                case "paths":
                    paths = Strings(reader, value, name, Glob);
                    break;
                case "keywords":
                    keywords = Strings(reader, value, name, Keyword);
                    break;
                case "raise":
                    effects.Add((WatchEffect.Raise, Level(reader.Choice(value, name, "high", "medium")), keyNode));
                    break;
                case "lower":
                    effects.Add((WatchEffect.Lower, Level(reader.Choice(value, name, "low", "medium")), keyNode));
                    break;
                case "mute":
                    if (!reader.Bool(value, name))
                    {
                        throw reader.Error(value).Because($"'{name}' can only be true (leave the rule out to stop muting)");
                    }
                    effects.Add((WatchEffect.Mute, ImportanceLevel.Low, keyNode));
                    break;
            }
        }
        if (paths.Count == 0 && keywords.Count == 0)
        {
            throw reader.Error(item).Because($"a '{what}' rule needs 'paths:' or 'keywords:' (or both) to say which commits it is about");
        }
        if (effects.Count != 1)
        {
            throw effects.Count == 0
                ? reader.Error(item).Because($"a '{what}' rule needs one effect: 'raise: high|medium', 'lower: low|medium' or 'mute: true'")
                : reader.Error(effects[1].Key).Because($"a '{what}' rule has one effect; split raise / lower / mute into separate rules");
        }
        return new WatchRule
        {
            Paths = paths,
            Keywords = keywords,
            Effect = effects[0].Effect,
            Level = effects[0].Level,
            Origin = $"{reader.File}:{reader.Line(item).ToString(CultureInfo.InvariantCulture)}",
        };
    }

    private static List<string> Strings(YamlNodeReader reader, YamlNode node, string name, Func<string, string?> problem)
    {
        var values = new List<string>();
        foreach (var element in reader.Sequence(node, name))
        {
            var text = reader.String(element, name);
            if (problem(text) is { } error)
            {
                throw reader.Error(element).Because($"'{name}': '{YamlNodeReader.Printable(text)}' {error}");
            }
            values.Add(text);
        }
        return values.Count > 0 ? values : throw reader.Error(node).Because($"'{name}' must list at least one entry");
    }

    private static string? Glob(string pattern)
    {
        try
        {
            Common.WatchGlob.Parse(pattern);
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

    private static ImportanceLevel Level(string text) => text switch
    {
        "high" => ImportanceLevel.High,
        "medium" => ImportanceLevel.Medium,
        _ => ImportanceLevel.Low,
    };
}
