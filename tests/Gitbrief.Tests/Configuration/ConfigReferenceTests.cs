using System.Text;
using System.Text.RegularExpressions;
using Gitbrief.Configuration.Schema;

namespace Gitbrief.Tests.Configuration;

/// <summary>The key tables in docs/ are the schema's: a key, type, default or doc changed on one side only fails here.
/// Run with GITBRIEF_UPDATE_DOCS=1 to rewrite the tables from the schema, then read the diff.</summary>
public sealed partial class ConfigReferenceTests
{
    public const string UpdateVariable = "GITBRIEF_UPDATE_DOCS";

    [Fact]
    public void Every_table_in_the_docs_is_the_schemas()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs");
        var expected = ConfigReference.Tables.ToDictionary(t => t.Name, t => t.Markdown, StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(docs, file).Replace('\\', '/');
            var updated = Marked().Replace(text, match =>
            {
                var name = match.Groups["name"].Value;
                placed.Add(name);
                if (!expected.TryGetValue(name, out var table))
                {
                    problems.Add($"{relative}: no schema table named '{name}' (known: {string.Join(", ", expected.Keys)})");
                    return match.Value;
                }
                if (match.Groups["table"].Value != table)
                {
                    problems.Add($"{relative}: the '{name}' table differs from the schema:\n{Support.GoldenFile.Diff(match.Groups["table"].Value, table)}");
                }
                return $"{match.Groups["open"].Value}{table}{match.Groups["close"].Value}";
            });
            if (Environment.GetEnvironmentVariable(UpdateVariable) == "1" && updated != text)
            {
                File.WriteAllText(file, updated, new UTF8Encoding(false));
            }
        }
        problems.AddRange(expected.Keys.Where(name => !placed.Contains(name)).Select(name => $"no file in docs/ shows the '{name}' table (<!-- schema: {name} -->)"));
        if (Environment.GetEnvironmentVariable(UpdateVariable) != "1")
        {
            Assert.True(problems.Count == 0, string.Join("\n", problems) + $"\n(set {UpdateVariable}=1 to rewrite the tables from the schema)");
        }
    }

    [Fact]
    public void A_table_shows_each_key_with_its_type_default_and_meaning()
    {
        var llm = ConfigReference.Tables.Single(t => t.Name == "llm").Markdown;
        var importance = ConfigReference.Tables.Single(t => t.Name == "importance").Markdown;

        Assert.StartsWith("| key | type | default | meaning |\n| --- | --- | --- | --- |\n", llm, StringComparison.Ordinal);
        Assert.Contains("| `max_concurrency` | whole number, 1–256 | 4 | requests in flight at once |", llm, StringComparison.Ordinal);
        Assert.Contains("| `max_output_tokens` (`max_tokens`) |", llm, StringComparison.Ordinal);
        Assert.Contains("| `importance.thresholds.high` | whole number, -1000–1000 | 10 |", importance, StringComparison.Ordinal);
        Assert.Contains("| `importance.file_types.doc` (`docs`) |", importance, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_shown_are_the_ones_the_code_uses()
    {
        Assert.Equal(TopLevelSchema.DefaultApiUrl, Gitbrief.Sources.GitHubApi.GitHubApiOptions.DefaultBaseUrl);
        Assert.Equal(TopLevelSchema.DefaultApiUrl, Gitbrief.Publishing.GitHubIssueTarget.DefaultApiUrl.AbsoluteUri);
        Assert.Equal($"`{TopLevelSchema.DefaultApiUrl}`", PublishTypes.GitHubIssue.Section["api_url"].Default);
        Assert.Equal($"`[{string.Join(", ", Gitbrief.Publishing.GitHubIssueTarget.DefaultLabels)}]`", PublishTypes.GitHubIssue.Section["labels"].Default);
        Assert.Equal($"`{Gitbrief.Publishing.Webhooks.WebhookTarget.DefaultMaxCommits}`", PublishTypes.Webhook.Section["max_commits"].Default);
    }

    [Fact]
    public void Every_publish_type_builds_a_target()
    {
        Assert.Equal(PublishTypes.Names.Order(StringComparer.Ordinal), Gitbrief.Publishing.PublishTargetFactory.Types);
    }

    [Fact]
    public void Configuration_imports_no_pipeline_stage()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Gitbrief", "Configuration");
        var offending = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetRelativePath(folder, file), Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && StageReference().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gitbrief.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (Gitbrief.slnx) is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?<open><!-- schema: (?<name>[^>]+?) -->\n)(?<table>.*?)(?<close><!-- /schema -->)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Marked();

    [GeneratedRegex(
        @"using\s+Gitbrief\.(Analysis|Pipeline|Publishing|Rendering|Site|Sources|Reports|Store|Output|Evaluation)\b|\b(Analysis|Pipeline|Publishing|Rendering|Site|Sources|Reports|Store|Output|Evaluation)\.[A-Z]",
        RegexOptions.CultureInvariant)]
    private static partial Regex StageReference();
}
