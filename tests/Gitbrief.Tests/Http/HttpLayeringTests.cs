using System.Text.RegularExpressions;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Http;

/// <summary>Dependencies flow one way: the HTTP layer imports nothing of the pipeline stages, Publishing does not
/// reach into the LLM analyzer (it once did, for the Retry-After parser), and no project references Octokit again.</summary>
public sealed partial class HttpLayeringTests
{
    private static readonly string Source = Path.Combine(BrowserHarness.RepositoryRoot, "src", "Gitbrief");

    private static IEnumerable<(string File, string Namespace)> Imports(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Source, folder), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => UsingPattern().Matches(File.ReadAllText(file)).Select(m => (Path.GetRelativePath(Source, file), m.Groups[1].Value)));

    [Fact]
    public void The_http_layer_imports_nothing_of_the_pipeline()
    {
        var imports = Imports("Http").ToList();

        Assert.NotEmpty(imports);
        Assert.All(imports, i => Assert.True(!i.Namespace.StartsWith("Gitbrief", StringComparison.Ordinal) || i.Namespace is "Gitbrief.Http" or "Gitbrief.Common",
            $"{i.File} imports {i.Namespace}"));
    }

    [Fact]
    public void Publishing_does_not_import_the_llm_analyzer()
    {
        Assert.DoesNotContain(Imports("Publishing"), i => i.Namespace.StartsWith("Gitbrief.Analysis.Llm", StringComparison.Ordinal));
    }

    [Fact]
    public void No_project_references_octokit()
    {
        var projects = Directory.EnumerateFiles(Path.Combine(BrowserHarness.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(projects);
        Assert.All(projects, p => Assert.DoesNotContain("Octokit", File.ReadAllText(p), StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^using\s+(?:static\s+)?([A-Za-z0-9_.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();
}
