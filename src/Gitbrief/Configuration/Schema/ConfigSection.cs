namespace Gitbrief.Configuration.Schema;

/// <summary>The keys of one mapping of the config (the top level, a repository entry, <c>llm:</c>, a publish target
/// of one type…). Reading it accepts exactly these keys (an unknown one is an error naming the allowed ones and the
/// likely one meant), skips null values ("not set"), applies each key in file order and then <see cref="Check"/>.</summary>
internal sealed class ConfigSection<TSettings>(IReadOnlyList<ConfigKey<TSettings>> keys) : IConfigSection
{
    private readonly Dictionary<string, ConfigKey<TSettings>> byName = keys
        .SelectMany(k => k.Aliases.Prepend(k.Name).Select(name => (name, k)))
        .ToDictionary(e => e.name, e => e.k, StringComparer.Ordinal);

    public IReadOnlyList<ConfigKey<TSettings>> Keys => keys;

    IReadOnlyList<IConfigKey> IConfigSection.Keys => keys;

    /// <summary>Every name accepted, aliases included.</summary>
    public IReadOnlyCollection<string> Names => byName.Keys;

    /// <summary>Whether keys are named in messages under the section's name (<c>llm.timeout</c>) or alone
    /// (<c>branch</c> in a repository entry, <c>timezone</c> at the top level).</summary>
    public bool Qualified { get; init; } = true;

    /// <summary>A check of the whole section once every key is read (e.g. thresholds in order); null for none.</summary>
    public Func<TSettings, ConfigNode, TSettings>? Check { get; init; }

    /// <summary>The message when a <see cref="ConfigKey{TSettings}.Required"/> key is missing, given the section's
    /// name and the key.</summary>
    public Func<string, string, string> Missing { get; init; } = (section, key) => $"'{section}' needs '{key}'";

    public ConfigKey<TSettings> this[string name] => byName[name];

    /// <summary>Reads the mapping at <paramref name="node"/> (whose <see cref="ConfigNode.Key"/> names the section in
    /// messages) onto <paramref name="settings"/>.</summary>
    public TSettings Read(ConfigNode node, TSettings settings)
    {
        var present = new HashSet<ConfigKey<TSettings>>();
        foreach (var (name, value, _) in node.Reader.Mapping(node.Node, node.Key, Names))
        {
            if (node.Reader.IsNull(value))
            {
                continue;
            }
            var key = byName[name];
            present.Add(key);
            settings = key.Apply(settings, new ConfigNode(node.Reader, value, Qualified ? node.Key + "." + name : name));
        }
        if (keys.FirstOrDefault(k => k.Required && !present.Contains(k)) is { } missing)
        {
            throw node.Fail(Missing(node.Key, missing.Name));
        }
        return Check is null ? settings : Check(settings, node);
    }
}
