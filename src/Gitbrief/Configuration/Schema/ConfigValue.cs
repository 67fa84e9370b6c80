namespace Gitbrief.Configuration.Schema;

/// <summary>One kind of value: how the reference tables describe it (<see cref="Type"/>) and how it is read and
/// checked, every problem a config error at the value's line.</summary>
internal sealed class ConfigValue<T>(string type, Func<ConfigNode, T> read)
{
    /// <summary>The type as the docs show it: "whole number, 1–256", "one of rules, llm".</summary>
    public string Type => type;

    public T Read(ConfigNode node) => read(node);

    /// <summary>This value, then a further check or conversion of what was read.</summary>
    public ConfigValue<TResult> Then<TResult>(Func<ConfigNode, T, TResult> next) => new(type, node => next(node, read(node)));

    /// <summary>The same reader under another description.</summary>
    public ConfigValue<T> Described(string description) => new(description, read);
}
