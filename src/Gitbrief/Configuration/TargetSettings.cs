using System.Globalization;
using Gitbrief.Common;
using Gitbrief.Configuration.Schema;
using YamlDotNet.RepresentationModel;

namespace Gitbrief.Configuration;

/// <summary>One entry of the config's <c>publish:</c> list, its keys already checked against its type's schema
/// (<see cref="PublishTypes"/>). The target of that type reads its values through it; a problem found then (a secret
/// not set, values that do not go together) is a config error with the file and line of the offending key.
/// Secrets are never in the file: a key ending in <c>_env</c> names the environment variable that holds one.</summary>
internal sealed class TargetSettings
{
    private readonly YamlNodeReader reader;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> entries;
    private readonly YamlNode node;
    private readonly PublishType type;

    internal TargetSettings(YamlNodeReader reader, YamlNode node, PublishType type, string? name)
    {
        this.reader = reader;
        this.node = node;
        this.type = type;
        Name = name;
        // A bare "- dir" entry has no keys.
        entries = node is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(e => (e.Key as YamlScalarNode)?.Value ?? "", e => (e.Key, e.Value), StringComparer.Ordinal)
            : [];
    }

    /// <summary>Settings built in code (tests, the default targets): keys to scalar values or string lists, checked
    /// like the file's.</summary>
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
        return PublishSchema.Entry(new ConfigNode(new YamlNodeReader("(settings)"), mapping, "publish"));
    }

    /// <summary>The target type: dir, git, github-issue, webhook, email, site.</summary>
    public string Type => type.Name;

    /// <summary>The optional <c>name:</c>, which becomes the target's identity in the ledger.</summary>
    public string? Name { get; }

    /// <summary>The target's ledger identity: its <c>name:</c> if given, else <paramref name="natural"/> (e.g. "git:&lt;url&gt;").</summary>
    public string Identity(string natural) => Name ?? natural;

    /// <summary>file:line of the entry, for messages.</summary>
    public string Location => $"{reader.File}:{reader.Line(node).ToString(CultureInfo.InvariantCulture)}";

    public bool Has(string key) => entries.TryGetValue(key, out var entry) && !reader.IsNull(entry.Value);

    public string? String(string key) => Has(key) ? reader.String(entries[key].Value, key) : null;

    public string RequiredString(string key) => String(key) ?? throw Missing(key);

    /// <summary>A whole number, within the range its type's schema gives.</summary>
    public int? Int(string key) => Has(key) ? Read<int>(key) : null;

    public bool? Bool(string key) => Has(key) ? reader.Bool(entries[key].Value, key) : null;

    /// <summary>One of the choices its type's schema lists.</summary>
    public string? Choice(string key) => Has(key) ? Read<string>(key) : null;

    /// <summary>A list given as a YAML sequence or as one comma-separated value.</summary>
    public IReadOnlyList<string> List(string key) => Has(key) ? ConfigValues.TextList.Read(At(key)) : [];

    /// <summary>An https URL (plain http to this machine only) without credentials: targets send tokens to it.</summary>
    public Uri? Url(string key) => Has(key) ? new Uri(Read<string>(key)) : null;

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

    private ConfigNode At(string key) => new(reader, entries[key].Value, key);

    /// <summary>The value as the type's schema reads it.</summary>
    private T Read<T>(string key) => type.Section[key].Value is ConfigValue<T> value
        ? value.Read(At(key))
        : throw new InvalidOperationException($"publish type '{Type}' has no key '{key}' holding {typeof(T).Name}");

    private UsageException Missing(string key) => reader.Error(node).Because(type.Section.Missing("publish", key));
}
