using System.Globalization;
using Gitbrief.Common;
using YamlDotNet.RepresentationModel;

namespace Gitbrief.Configuration;

/// <summary>One entry of the config's <c>publish:</c> list, as written. The target of that type reads its own
/// keys through it; every problem is a config error with the file and line of the offending key.
/// Secrets are never in the file: a key ending in <c>_env</c> names the environment variable that holds one.</summary>
public sealed class TargetSettings
{
    private readonly YamlNodeReader reader;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> entries;
    private readonly YamlNode node;

    internal TargetSettings(YamlNodeReader reader, YamlNode node, string type, string? name)
    {
        this.reader = reader;
        this.node = node;
        Type = type;
        Name = name;
        // A bare "- dir" entry has no keys.
        entries = node is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(e => (e.Key as YamlScalarNode)?.Value ?? "", e => (e.Key, e.Value), StringComparer.Ordinal)
            : [];
    }

    /// <summary>Settings built in code (tests): keys to scalar values or string lists.</summary>
    public static TargetSettings From(string type, IReadOnlyDictionary<string, object> values, string? name = null)
    {
        var mapping = new YamlMappingNode { { "type", type } };
        if (name is not null)
        {
            mapping.Add("name", name);
        }
        foreach (var (key, value) in values)
        {
            mapping.Add(new YamlScalarNode(key), value switch
            {
                IEnumerable<string> list when value is not string => new YamlSequenceNode(list.Select(v => new YamlScalarNode(v))),
                IFormattable formattable => new YamlScalarNode(formattable.ToString(null, CultureInfo.InvariantCulture)),
                _ => new YamlScalarNode(value.ToString()),
            });
        }
        return new TargetSettings(new YamlNodeReader("(settings)"), mapping, type, name);
    }

    /// <summary>The target type: dir, git, github-issue, webhook, email.</summary>
    public string Type { get; }

    /// <summary>The optional <c>name:</c>, which becomes the target's identity in the ledger.</summary>
    public string? Name { get; }

    /// <summary>The target's ledger identity: its <c>name:</c> if given, else <paramref name="natural"/> (e.g. "git:&lt;url&gt;").</summary>
    public string Identity(string natural) => Name ?? natural;

    /// <summary>file:line of the entry, for messages.</summary>
    public string Location => $"{reader.File}:{reader.Line(node).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Fails on any key other than <c>type</c>, <c>name</c> and <paramref name="keys"/>.</summary>
    public void Allow(params string[] keys)
    {
        if (node is YamlMappingNode)
        {
            var allowed = new HashSet<string>(keys.Concat(["type", "name"]), StringComparer.Ordinal);
            _ = reader.Mapping(node, $"publish[{Type}]", allowed).ToList();
        }
    }

    public bool Has(string key) => entries.TryGetValue(key, out var entry) && !reader.IsNull(entry.Value);

    public string? String(string key) => Has(key) ? reader.String(entries[key].Value, key) : null;

    public string RequiredString(string key) => String(key) ?? throw Missing(key);

    public int? Int(string key, int min, int max) => Has(key) ? reader.Int(entries[key].Value, key, min, max) : null;

    public bool? Bool(string key) => Has(key) ? reader.Bool(entries[key].Value, key) : null;

    public string? Choice(string key, params string[] choices) => Has(key) ? reader.Choice(entries[key].Value, key, choices) : null;

    /// <summary>A list given as a YAML sequence or as one comma-separated value.</summary>
    public IReadOnlyList<string> List(string key)
    {
        if (!Has(key))
        {
            return [];
        }
        var value = entries[key].Value;
        return value is YamlSequenceNode
            ? reader.Sequence(value, key).Select(n => reader.String(n, key).Trim()).Where(s => s.Length > 0).ToList()
            : reader.String(value, key).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>An https URL (plain http to this machine only) without credentials: targets send tokens to it.</summary>
    public Uri? Url(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw Error(key, $"'{key}' must be an http(s) URL");
        }
        if (UrlSecrecy.HasCredentials(uri))
        {
            throw Error(key, $"'{key}' {UrlSecrecy.CredentialsProblem}");
        }
        return UrlSecrecy.IsPlainHttpOffLoopback(uri) ? throw Error(key, $"'{key}' {UrlSecrecy.PlainHttpProblem}") : uri;
    }

    /// <summary>The secret held by the environment variable that <paramref name="key"/> names (e.g.
    /// <c>token_env: GITHUB_TOKEN</c>), or <paramref name="defaultVariable"/> when the key is absent. Null when
    /// the variable is unset and <paramref name="required"/> is false. The value is registered for redaction.</summary>
    public string? Secret(string key, Func<string, string?> environment, string? defaultVariable = null, bool required = true)
    {
        var variable = String(key) ?? defaultVariable;
        if (variable is null)
        {
            return required ? throw Missing(key) : null;
        }
        var value = environment(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? throw Error(key, $"environment variable {variable} (named by '{key}') is not set") : null;
        }
        SecretRedactor.Register(value);
        return value;
    }

    /// <summary>A config error at the key's line (or the entry's, for a missing key).</summary>
    public UsageException Error(string key, string message) =>
        entries.TryGetValue(key, out var entry) ? reader.Error(entry.Key).Because(message) : reader.Error(node).Because(message);

    private UsageException Missing(string key) => reader.Error(node).Because($"publish target '{Type}' needs '{key}'");
}
