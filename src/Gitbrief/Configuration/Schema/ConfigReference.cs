using System.Text;

namespace Gitbrief.Configuration.Schema;

/// <summary>The reference tables of the docs, made from the schema: one Markdown table per section (key, type,
/// default, meaning). docs/ holds each between <c>&lt;!-- schema: NAME --&gt;</c> and <c>&lt;!-- /schema --&gt;</c>;
/// a test fails when a file's table differs from this (GITBRIEF_UPDATE_DOCS=1 rewrites them).</summary>
internal static class ConfigReference
{
    /// <summary>Every table by name, in the order the docs use them.</summary>
    public static IReadOnlyList<(string Name, string Markdown)> Tables { get; } =
    [
        ("top level", Table(TopLevelSchema.Section, flatten: false)),
        ("repositories", Table(RepositorySchema.Entry)),
        ("importance", Table(ImportanceSchema.Section, "importance.")),
        ("format", Table(FormatSchema.Section, "format.")),
        ("rate_limit", Table(RateLimitSchema.Section, "rate_limit.")),
        ("watch", Table(WatchSchema.Rule)),
        ("llm", Table(LlmSchema.Section)),
        ("schedule", Table(FleetSchema.Schedule, "schedule.")),
        ("server", Table(FleetSchema.Server, "server.")),
        .. PublishTypes.All.Select(t => ("publish " + t.Name, Table(t.Section))),
    ];

    private static string Table(IConfigSection section, string prefix = "", bool flatten = true)
    {
        var table = new StringBuilder("| key | type | default | meaning |\n| --- | --- | --- | --- |\n");
        foreach (var row in Rows(section, prefix, flatten))
        {
            table.Append(row).Append('\n');
        }
        return table.ToString();
    }

    /// <summary>A row per key; a key holding a mapping is replaced by its own keys (<c>importance.thresholds.high</c>).</summary>
    private static IEnumerable<string> Rows(IConfigSection section, string prefix, bool flatten)
    {
        foreach (var key in section.Keys)
        {
            if (flatten && key.Section is { } inner && key.Type == "mapping")
            {
                foreach (var row in Rows(inner, prefix + key.Name + ".", flatten))
                {
                    yield return row;
                }
                continue;
            }
            var name = $"`{prefix}{key.Name}`" + (key.Aliases.Count > 0 ? " (" + string.Join(", ", key.Aliases.Select(a => $"`{a}`")) + ")" : "");
            yield return $"| {name} | {Cell(key.Type)} | {Cell(key.Default)} | {Cell(key.Doc)} |";
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
