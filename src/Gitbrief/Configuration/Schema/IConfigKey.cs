namespace Gitbrief.Configuration.Schema;

/// <summary>What the reference tables show of a key: its name and aliases, type, default and one-line meaning, and
/// the keys of the mapping (or of each entry of the list) it holds.</summary>
internal interface IConfigKey
{
    string Name { get; }

    IReadOnlyList<string> Aliases { get; }

    string Type { get; }

    string Default { get; }

    string Doc { get; }

    /// <summary>The section its value is (a mapping, or each entry of a list), documented in a table of its own.</summary>
    IConfigSection? Section { get; }
}
