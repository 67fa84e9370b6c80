using System.Runtime.CompilerServices;
using System.Text;

namespace Gitbrief.Tests.Support;

/// <summary>Golden-file comparison: the expected output lives in a <c>Golden</c> folder beside the calling test's
/// source file. With GITBRIEF_UPDATE_GOLDEN=1 the file is (re)written instead of compared.</summary>
public static class GoldenFile
{
    public const string UpdateVariable = "GITBRIEF_UPDATE_GOLDEN";

    private const int MaxDiffLines = 60;

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string PathOf(string name, [CallerFilePath] string callerFile = "") =>
        Path.Combine(SourceDirectory(callerFile), "Golden", name);

    /// <summary>The folder of the calling source file. When the compiler mapped source paths away (a
    /// ContinuousIntegrationBuild), the folder is found by walking up from the test binaries to the project.</summary>
    private static string SourceDirectory(string callerFile)
    {
        var directory = Path.GetDirectoryName(callerFile)!;
        if (Directory.Exists(directory))
        {
            return directory;
        }
        const string project = "tests/Gitbrief.Tests/";
        var normalized = callerFile.Replace('\\', '/');
        var at = normalized.LastIndexOf(project, StringComparison.Ordinal);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && at >= 0; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Path.GetDirectoryName(normalized[at..])!);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return directory;
    }

    /// <summary>Compares <paramref name="actual"/>, encoded as UTF-8 without a BOM, byte for byte with the golden file.</summary>
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = PathOf(name, callerFile);
        var actualBytes = new UTF8Encoding(false).GetBytes(actual);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, actualBytes);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with {UpdateVariable}=1 to create it");
        var expectedBytes = File.ReadAllBytes(path);
        if (expectedBytes.AsSpan().SequenceEqual(actualBytes))
        {
            return;
        }
        var expected = Encoding.UTF8.GetString(expectedBytes);
        Assert.Fail($"{name} differs from its golden file {path} (set {UpdateVariable}=1 to accept the new output):\n{Diff(expected, actual)}");
    }

    /// <summary>A unified-style line diff (longest common subsequence), with invisible differences spelled out.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add($"  {x + 1,4} {a[x]}");
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                lines.Add($"- {x + 1,4} {Visible(a[x])}");
                x++;
            }
            else
            {
                lines.Add($"+ {y + 1,4} {Visible(b[y])}");
                y++;
            }
        }
        var changed = Enumerable.Range(0, lines.Count).Where(i => lines[i][0] != ' ').ToList();
        var shown = new StringBuilder("(- golden file, + actual output; numbers are line numbers)\n");
        var last = -1;
        foreach (var i in changed.SelectMany(i => Enumerable.Range(Math.Max(0, i - 2), 5)).Where(i => i < lines.Count).Distinct().Order())
        {
            if (last >= 0 && i > last + 1)
            {
                shown.Append("  ...\n");
            }
            shown.Append(lines[i]).Append('\n');
            last = i;
            if (shown.ToString().Count(c => c == '\n') >= MaxDiffLines)
            {
                shown.Append($"  ... ({changed.Count} changed lines in all)\n");
                break;
            }
        }
        if (expected.TrimEnd('\n') == actual.TrimEnd('\n'))
        {
            shown.Append("  (only the trailing newlines differ)\n");
        }
        return shown.ToString();
    }

    private static string Visible(string line) =>
        line.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\uFEFF", "<BOM>", StringComparison.Ordinal);
}
