using System.Text.RegularExpressions;
using Gitbrief.Analysis;
using Gitbrief.Sources;

namespace Gitbrief.Evaluation;

/// <summary>The old tool's importance rules, as its specification states them (type + size + primary file type +
/// scope; high ≥ 10, medium ≥ 6): the baseline every evaluation prints beside Gitbrief's figures.</summary>
internal static partial class SeedRules
{
    private static readonly Dictionary<string, int> TypeWeights = new(StringComparer.Ordinal)
    {
        ["feat"] = 8, ["fix"] = 7, ["perf"] = 6, ["refactor"] = 5, ["test"] = 3, ["docs"] = 2, ["ci"] = 2,
        ["chore"] = 1, ["style"] = 1, ["build"] = 1,
    };

    private const int OtherWeight = 3;

    public static ImportanceLevel Rank(CommitRecord commit)
    {
        var prefix = ConventionalPrefix().Match(commit.Title);
        var score = prefix.Success && TypeWeights.TryGetValue(prefix.Groups["type"].Value.ToLowerInvariant(), out var weight) ? weight : OtherWeight;
        var lines = commit.Files.Sum(f => (long)f.Additions + f.Deletions);
        score += lines > 500 ? 3 : lines > 100 ? 2 : lines > 50 ? 1 : 0;
        var primary = commit.Files
            .Select(f => FileKind(f.Path))
            .GroupBy(k => k)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        score += primary switch
        {
            "core" => 2,
            "config" or "test" => 1,
            _ => 0,
        };
        score += commit.Files.Count > 5 ? 2 : commit.Files.Count >= 3 ? 1 : 0;
        return score >= 10 ? ImportanceLevel.High : score >= 6 ? ImportanceLevel.Medium : ImportanceLevel.Low;
    }

    private static string FileKind(string path)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (name.EndsWith("_test.py", StringComparison.Ordinal) || (name.StartsWith("test_", StringComparison.Ordinal) && extension == ".py")
            || name.EndsWith("_test.rs", StringComparison.Ordinal) || name.EndsWith("_test.go", StringComparison.Ordinal))
        {
            return "test";
        }
        return extension switch
        {
            ".py" or ".rs" or ".cpp" or ".cc" or ".c" or ".h" or ".hpp" or ".go" or ".js" or ".ts" => "core",
            ".yaml" or ".yml" or ".json" or ".toml" or ".ini" or ".cfg" or ".conf" => "config",
            ".md" or ".rst" or ".txt" or ".adoc" => "docs",
            _ => "other",
        };
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z]+)(\([^)]*\))?!?:", RegexOptions.CultureInvariant)]
    private static partial Regex ConventionalPrefix();
}
