using YamlDotNet.RepresentationModel;
using Key = Gitbrief.Configuration.Schema.ConfigKey<Gitbrief.Configuration.RepositoryEntry>;

namespace Gitbrief.Configuration.Schema;

/// <summary>The <c>repositories:</c> list: each entry an address, or a mapping of the address and the repository's
/// own settings (null ones fall back to the top level's).</summary>
internal static class RepositorySchema
{
    /// <summary>How repositories can be read (<c>source:</c>).</summary>
    public static readonly ConfigValue<string> Source = ConfigValues.Choice("git", "github-api");

    public const string SourceDoc = "how repositories are read: cloned with git, or through the GitHub REST API without a clone ([github-api-source.md](github-api-source.md))";

    public const string ApiUrlDoc = "the GitHub REST API root (GitHub Enterprise: `https://HOST/api/v3/`)";

    public const string EnrichDoc = "look up each commit's pull request (title, labels) through the GitHub API (with `GITHUB_TOKEN`)";

    private static readonly ConfigValue<string> Name = ConfigValues.Text.Then((n, text) => RepositoryName.IsValid(text.Trim())
        ? text.Trim()
        : throw n.Fail(
            $"'{n.Key}' must be a folder name of letters, digits, '.', '_' and '-' (not starting with '.', at most {RepositoryName.MaxLength} characters), not '{YamlNodeReader.Printable(text.Trim())}'"))
        .Described("folder name");

    public static ConfigSection<RepositoryEntry> Entry { get; } = new(
    [
        Key.Of("repo", ConfigValues.Text, "required", "a local path (relative to the config file), a git URL or GitHub's `owner/repo`",
            (e, v) => e with { Address = v }).Alias("url", "path"),
        Key.Of("name", Name, "from the address", "the report heading and folder (see [Names](#names))", (e, v) => e with { Name = v }),
        Key.Of("branch", ConfigValues.Text, "top level's", "the branch to report on", (e, v) => e with { Branch = v }),
        Key.Of("first_parent", ConfigValues.Bool, "top level's", "one entry per first-parent commit, merges included", (e, v) => e with { FirstParent = v }),
        Key.Of("host", ConfigValues.Choice("github", "gitlab", "gitea", "none"), "from the host name",
            "the style of web links when the host name does not tell", (e, v) => e with { Host = v }),
        Key.Of("source", Source, "top level's", SourceDoc, (e, v) => e with { Source = v }),
        Key.Of("api_url", ConfigValues.Url(), "top level's", ApiUrlDoc, (e, v) => e with { ApiUrl = v }),
        Key.Of("enrich_pull_requests", ConfigValues.Bool, "top level's", EnrichDoc, (e, v) => e with { EnrichPullRequests = v }),
        Key.Of("watch", WatchSchema.Rules("repositories[].watch"), "none", "the repository's own [watch rules](watch.md), applied after the global ones",
            (e, v) => e with { Watch = v }) with { Section = WatchSchema.Rule },
    ])
    {
        Qualified = false,
        Check = (entry, node) => string.IsNullOrWhiteSpace(entry.Address)
            ? throw node.Fail("a repository needs 'repo' (a path, a git URL or owner/repo)")
            : entry,
    };

    /// <summary>The entries of the list, each with where it was written.</summary>
    public static ConfigValue<IReadOnlyList<RepositoryEntry>> List { get; } = new("list", node =>
    {
        if (node.Node is not YamlSequenceNode)
        {
            // A lone value would be read as one path ("repositories: 5" as a directory named 5).
            throw node.Fail($"'{node.Key}' must be a list, one repository per line (e.g. '  - owner/repo') or [owner/repo, ./path]");
        }
        return node.Reader.Sequence(node.Node, "repositories").Select(item =>
        {
            var at = node.At(item) with { Key = "repositories" };
            return item is YamlScalarNode
                ? new RepositoryEntry(node.Reader.String(item, "repositories"), Origin: at.Location)
                : Entry.Read(at with { Key = "repositories[]" }, new RepositoryEntry(string.Empty, Origin: at.Location));
        }).ToList();
    });
}
