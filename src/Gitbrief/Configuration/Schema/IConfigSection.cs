namespace Gitbrief.Configuration.Schema;

/// <summary>A config section as the reference tables show it.</summary>
internal interface IConfigSection
{
    IReadOnlyList<IConfigKey> Keys { get; }
}
