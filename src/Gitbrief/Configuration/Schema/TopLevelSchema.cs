using YamlDotNet.RepresentationModel;
using Key = Gitbrief.Configuration.Schema.ConfigKey<Gitbrief.Configuration.GitbriefConfig>;

namespace Gitbrief.Configuration.Schema;

/// <summary>The keys at the top level of gitbrief.yaml (and of the previous tool's config.yaml).</summary>
internal static class TopLevelSchema
{
    /// <summary>The time zone of the day when neither the command line nor the file names one.</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The GitHub REST API root when <c>api_url</c> is not set.</summary>
    public const string DefaultApiUrl = "https://api.github.com/";

    /// <summary><c>language: zh</c>, or a list (<c>[zh, en]</c>) whose first language keeps the plain file names.</summary>
    private static readonly ConfigValue<(string First, IReadOnlyList<string>? All)> Languages = new(
        "one of " + string.Join(", ", ReportLanguages.Codes) + ", or a list of them",
        node =>
        {
            if (node.Node is not YamlSequenceNode)
            {
                return (node.Reader.Choice(node.Node, node.Key, ReportLanguages.Codes), null);
            }
            var languages = node.Reader.Sequence(node.Node, node.Key)
                .Select(n => node.Reader.Choice(n, node.Key, ReportLanguages.Codes)).Distinct(StringComparer.Ordinal).ToList();
            return languages.Count == 0
                ? throw node.Fail($"'{node.Key}' needs at least one language ({string.Join(", ", ReportLanguages.Codes)})")
                : (languages[0], languages);
        });

    public static ConfigSection<GitbriefConfig> Section { get; } = new(
    [
        Key.Of("repositories", RepositorySchema.List, "the repository in the current directory",
            "the repositories to report on: addresses, or mappings with their own settings", (c, v) => c with { Repositories = v })
            .Alias("repos") with { Section = RepositorySchema.Entry },
        Key.Of("timezone", ConfigValues.TimeZone, $"`{DefaultTimeZone}`", "the day is 00:00:00–23:59:59 in this zone", (c, v) => c with { TimeZone = v })
            .Alias("tz"),
        Key.Of("language", Languages, "`zh`", "the report language; a list writes each (see [Languages](#languages))",
            (c, v) => c with { Language = v.First, Languages = v.All }).Alias("lang"),
        Key.Of("output", ConfigValues.Text, "`reports`", "reports go to `<output>/YYYY/<repo-name>/YYYY-MM-DD.{md,json}`",
            (c, v) => c with { OutputDirectory = v }).Alias("output_dir"),
        Key.Of("formats", ConfigValues.Choices("md", "json"), "`[md, json]`", "the report files written", (c, v) => c with { Formats = v }),
        Key.Of("cache_dir", ConfigValues.Text, "`$GITBRIEF_CACHE_DIR`, else `$XDG_CACHE_HOME/gitbrief`, else `~/.cache/gitbrief`",
            "mirrors and the SQLite store (gitbrief.db)", (c, v) => c with { CacheDirectory = v }),
        Key.Of("branch", ConfigValues.Text, "the remote's HEAD branch", "the branch to report on", (c, v) => c with { Branch = v }),
        Key.Of("first_parent", ConfigValues.Bool, "false", "one entry per first-parent commit, merges included", (c, v) => c with { FirstParent = v }),
        Key.Of("partial_clone", ConfigValues.Bool, "false", "mirrors are cloned with `--filter=blob:none` (slower reads, smaller disk)",
            (c, v) => c with { PartialClone = v }),
        Key.Of("analysis", ConfigValues.Choice("rules", "llm"), "`rules`", "rules (offline) or an LLM (`--llm`)", (c, v) => c with { Analysis = v }),
        Key.Mapping("importance", ImportanceSchema.Section, "the weights of the rules", c => c.Importance, (c, v) => c with { Importance = v }),
        Key.Mapping("rate_limit", RateLimitSchema.Section, "the current tool's pacing keys: accepted and checked; Gitbrief paces LLM calls with `llm.rpm` / `llm.tpm`"),
        Key.Mapping("format", FormatSchema.Section, "what a report shows"),
        Key.Mapping("llm", LlmSchema.Section, "the LLM endpoint and its limits ([llm.md](llm.md))", c => c.Llm, (c, v) => c with { Llm = v }),
        Key.Of("publish", PublishSchema.List, "the output directory only", "where `gitbrief run` delivers reports ([publishing.md](publishing.md))",
            (c, v) => c with { Publish = v }),
        Key.Of("report_url", ConfigValues.Text, "none",
            "URL template of an archived report (`{year}`, `{name}`, `{date}`, `{repository}`), linked from chat, mail and issues",
            (c, v) => c with { ReportUrl = v }),
        Key.Of("source", RepositorySchema.Source, "`git`", RepositorySchema.SourceDoc, (c, v) => c with { Source = v }),
        Key.Of("api_url", ConfigValues.Url(), $"`{DefaultApiUrl}`", RepositorySchema.ApiUrlDoc, (c, v) => c with { ApiUrl = v }),
        Key.Of("enrich_pull_requests", ConfigValues.Bool, "false", RepositorySchema.EnrichDoc, (c, v) => c with { EnrichPullRequests = v }),
        Key.Of("watch", WatchSchema.Rules(), "none", "the reader's say in the ranking, for every repository ([watch.md](watch.md))",
            (c, v) => c with { Watch = v }) with { Section = WatchSchema.Rule },
        Key.Of("store", ConfigValues.Store, "`<cache-dir>/gitbrief.db`",
            "where runs, work units, the LLM cache, the publish ledger and the reports are kept: `postgresql://user@host:port/database` " +
            "(the password only from `GITBRIEF_STORE_PASSWORD` or `PGPASSWORD`) or a SQLite file ([store.md](store.md))",
            (c, v) => c with { Store = v }),
    ])
    {
        Qualified = false,
    };
}
