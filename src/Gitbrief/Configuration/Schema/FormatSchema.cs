using Key = Gitbrief.Configuration.Schema.ConfigKey<Gitbrief.Configuration.GitbriefConfig>;

namespace Gitbrief.Configuration.Schema;

/// <summary>The <c>format:</c> section (the current tool's keys, and <c>message</c>).</summary>
internal static class FormatSchema
{
    private static readonly ConfigValue<int> Characters = ConfigValues.Int(0, int.MaxValue);

    public static ConfigSection<GitbriefConfig> Section { get; } = new(
    [
        Key.Of("enable_toc", ConfigValues.Bool, "true", "a table of contents at the top of a report", (c, v) => c with { EnableToc = v }),
        Key.Of("enable_grouping", ConfigValues.Bool, "true", "commits grouped by level; false: one list, newest first, each commit still showing its level",
            (c, v) => c with { EnableGrouping = v }),
        Key.Of("enable_stats", ConfigValues.Bool, "true", "the statistics section", (c, v) => c with { EnableStats = v }),
        Key.Of("message", ConfigValues.Choice("title", "full"), "title",
            "the commit table's message cell: each commit's title, or every line of the message", (c, v) => c with { TableMessage = v }),
        Key.Mapping("diff", new ConfigSection<GitbriefConfig>(
        [
            Key.Checked("truncate_threshold", Characters, "", "accepted and checked; the LLM analyzer budgets diffs by tokens instead"),
            Key.Checked("truncate_to", Characters, "", "accepted and checked; no effect"),
        ]), "the current tool's diff truncation"),
    ]);
}
