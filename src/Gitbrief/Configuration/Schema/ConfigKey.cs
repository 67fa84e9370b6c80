namespace Gitbrief.Configuration.Schema;

/// <summary>One key of a config section holding <typeparamref name="TSettings"/>: its name (and aliases), type, default
/// and one-line doc, and the setter that reads the value and applies it. The reference tables in docs/ are made from
/// these; the loader accepts exactly these keys.</summary>
internal sealed record ConfigKey<TSettings>(string Name, string Type, string Default, string Doc, Func<TSettings, ConfigNode, TSettings> Apply)
    : IConfigKey
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IConfigSection? Section { get; init; }

    /// <summary>The value's reader (a <see cref="ConfigValue{T}"/>) for settings read later, when they are used
    /// (a publish target's keys); null for keys whose value is a section.</summary>
    public object? Value { get; init; }

    /// <summary>Whether an entry must have this key.</summary>
    public bool Required { get; init; }

    /// <summary>A key whose value <paramref name="value"/> reads and <paramref name="set"/> applies.</summary>
    public static ConfigKey<TSettings> Of<T>(string name, ConfigValue<T> value, string @default, string doc, Func<TSettings, T, TSettings> set) =>
        new(name, value.Type, @default, doc, (settings, node) => set(settings, value.Read(node))) { Value = value };

    /// <summary>A key that is checked but changes nothing here (the previous tool's pacing keys; a publish target's
    /// keys, which the target reads when it is set up).</summary>
    public static ConfigKey<TSettings> Checked<T>(string name, ConfigValue<T> value, string @default, string doc) =>
        new(name, value.Type, @default, doc, (settings, node) =>
        {
            _ = value.Read(node);
            return settings;
        }) { Value = value };

    /// <summary>A key whose value is a mapping read by <paramref name="section"/>, starting from what
    /// <paramref name="get"/> returns.</summary>
    public static ConfigKey<TSettings> Mapping<TInner>(
        string name, ConfigSection<TInner> section, string doc, Func<TSettings, TInner> get, Func<TSettings, TInner, TSettings> set) =>
        new(name, "mapping", "", doc, (settings, node) => set(settings, section.Read(node, get(settings)))) { Section = section };

    /// <summary>A key whose value is a mapping of further keys of the same settings.</summary>
    public static ConfigKey<TSettings> Mapping(string name, ConfigSection<TSettings> section, string doc) =>
        Mapping(name, section, doc, s => s, (_, s) => s);

    /// <summary>A key that is never accepted, with the reason (e.g. a secret that belongs in the environment).</summary>
    public static ConfigKey<TSettings> Refused(string name, string reason) =>
        new(name, "never", "", reason, (_, node) => throw node.Fail(reason));

    public ConfigKey<TSettings> Alias(params string[] aliases) => this with { Aliases = aliases };
}
