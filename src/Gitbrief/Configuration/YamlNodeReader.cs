using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Gitbrief.Configuration;

/// <summary>Typed access to YAML nodes that reports every problem with the file and line of the node.</summary>
internal sealed class YamlNodeReader(string file)
{
    public string File { get; } = file;

    public int Line(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    public UsageExceptionBuilder Error(YamlNode node) => new(File, Line(node));

    /// <summary>The entries of a mapping; unknown keys are errors naming the key probably meant and the keys allowed.</summary>
    public IEnumerable<(string Key, YamlNode Value, YamlNode KeyNode)> Mapping(YamlNode node, string what, IReadOnlyCollection<string> allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node).Because($"'{what}' must be a mapping of keys to values");
        }
        var entries = new List<(string, YamlNode, YamlNode)>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(key))
            {
                var known = string.Join(", ", allowed.Order(StringComparer.Ordinal));
                var meant = Common.TypoSuggestion.Closest(key, allowed) is { } closest ? $"; did you mean '{closest}'?" : "";
                throw Error(keyNode).Because($"unknown key '{Printable(key)}' in '{what}' (expected one of: {known}){meant}");
            }
            entries.Add((key, value, keyNode));
        }
        return entries;
    }

    public bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public string String(YamlNode node, string key)
    {
        if (node is not YamlScalarNode scalar || scalar.Value is null)
        {
            throw Error(node).Because($"'{key}' must be a text value");
        }
        return scalar.Value;
    }

    public string? OptionalString(YamlNode node, string key) => IsNull(node) ? null : String(node, key);

    public int Int(YamlNode node, string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = String(node, key);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(node).Because($"'{key}' must be a whole number, not '{Printable(text)}'");
        }
        if (value < min || value > max)
        {
            throw Error(node).Because($"'{key}' must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, not {text}");
        }
        return value;
    }

    public double Number(YamlNode node, string key, double min, double max)
    {
        var text = String(node, key);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            throw Error(node).Because($"'{key}' must be a number, not '{Printable(text)}'");
        }
        if (value < min || value > max)
        {
            throw Error(node).Because($"'{key}' must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, not {text}");
        }
        return value;
    }

    public bool Bool(YamlNode node, string key)
    {
        var text = String(node, key);
        return text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error(node).Because($"'{key}' must be true or false, not '{Printable(text)}'"),
        };
    }

    public string Choice(YamlNode node, string key, params string[] choices)
    {
        var text = String(node, key).Trim();
        var match = choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
        return match ?? throw Error(node).Because($"'{key}' must be one of {string.Join(", ", choices)}, not '{Printable(text)}'");
    }

    public IReadOnlyList<YamlNode> Sequence(YamlNode node, string key)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }
        if (node is YamlScalarNode { Value: not null } scalar && !IsNull(scalar))
        {
            return [scalar];
        }
        throw Error(node).Because($"'{key}' must be a list");
    }

    /// <summary>Untrusted text shown in an error: control characters and invisible format characters (bidirectional
    /// controls among them) replaced, length capped.</summary>
    public static string Printable(string text) => Common.PrintableText.Of(text);

    internal readonly record struct UsageExceptionBuilder(string File, int Line)
    {
        public Common.UsageException Because(string message) => ConfigError.At(File, Line, message);
    }
}
