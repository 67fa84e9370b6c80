using Gitbrief.Common;
using YamlDotNet.RepresentationModel;

namespace Gitbrief.Configuration.Schema;

/// <summary>The <c>publish:</c> list: each entry a type (<c>- dir</c>) or a mapping with <c>type:</c> and that type's
/// keys, every key checked here (file:line errors before anything runs); secrets and what depends on the run
/// (the output directory, the formats) are checked by the target when it is set up.</summary>
internal static class PublishSchema
{
    public static ConfigValue<IReadOnlyList<TargetSettings>> List { get; } = new("list of targets", node =>
    {
        var targets = node.Reader.Sequence(node.Node, "publish").Select(item => Entry(node.At(item))).ToList();
        var duplicate = targets.GroupBy(t => t.Name ?? t.Type).FirstOrDefault(g => g.Count() > 1 && g.First().Name is not null);
        return duplicate is null
            ? targets
            : throw new UsageException($"{duplicate.Last().Location}: two publish targets are named '{duplicate.Key}'");
    });

    /// <summary>One entry of the list, its keys checked against its type's.</summary>
    public static TargetSettings Entry(ConfigNode item)
    {
        var reader = item.Reader;
        var types = PublishTypes.Names.ToArray();
        if (item.Node is YamlScalarNode)
        {
            var bare = PublishTypes.Find(reader.Choice(item.Node, "publish", types))!;
            return bare.Section.Keys.FirstOrDefault(k => k.Required && k.Name != "type") is { } needed
                ? throw item.Fail(bare.Section.Missing("publish", needed.Name))
                : new TargetSettings(reader, item.Node, bare, null);
        }
        if (item.Node is not YamlMappingNode map)
        {
            throw item.Fail("'publish' entries are a type (e.g. dir) or a mapping with 'type:'");
        }
        var typeNode = Value(map, "type") ?? throw item.Fail($"a 'publish' entry needs 'type:' ({string.Join(", ", types)})");
        var type = PublishTypes.Find(reader.Choice(typeNode, "type", types))!;
        var name = Value(map, "name") is { } nameNode && !reader.IsNull(nameNode) ? reader.String(nameNode, "name") : null;
        var settings = new TargetSettings(reader, map, type, name);
        return type.Section.Read(item with { Key = $"publish[{type.Name}]" }, settings);
    }

    private static YamlNode? Value(YamlMappingNode map, string key) => map.Children.FirstOrDefault(e => (e.Key as YamlScalarNode)?.Value == key).Value;
}
