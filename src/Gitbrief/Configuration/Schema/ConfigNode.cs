using Gitbrief.Common;
using YamlDotNet.RepresentationModel;

namespace Gitbrief.Configuration.Schema;

/// <summary>A value as written in the config: the reader that knows the file and lines, the YAML node, and the
/// key's name as messages show it (<c>llm.timeout</c>, <c>importance.thresholds.high</c>, <c>branch</c>).</summary>
internal readonly record struct ConfigNode(YamlNodeReader Reader, YamlNode Node, string Key)
{
    /// <summary>A config error at this node's line.</summary>
    public UsageException Fail(string message) => Reader.Error(Node).Because(message);

    /// <summary>Where the node is, <c>file:line</c>.</summary>
    public string Location => $"{Reader.File}:{Reader.Line(Node).ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The same place under another name (an element of a list keeps its list's name).</summary>
    public ConfigNode At(YamlNode node) => this with { Node = node };
}
