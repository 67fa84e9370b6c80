using System.Text.Json;

namespace Gitbrief.Tests.Support;

/// <summary>Assertions over rendered reports: the commit table of the Markdown and the commits of the JSON.</summary>
public static class ReportAssert
{
    /// <summary>The data rows of the commit table (the lines after the header separator, up to the blank line).</summary>
    public static IReadOnlyList<string> TableRows(string markdown)
    {
        var lines = markdown.Split('\n');
        var separator = Array.FindIndex(lines, l => l.StartsWith("|---", StringComparison.Ordinal));
        if (separator < 0)
        {
            return [];
        }
        return lines.Skip(separator + 1).TakeWhile(l => l.StartsWith('|')).ToList();
    }

    public static IReadOnlyList<JsonElement> Commits(JsonElement report) =>
        report.GetProperty("commits").EnumerateArray().ToList();

    public static IReadOnlyList<string> Shas(JsonElement report) =>
        Commits(report).Select(c => c.GetProperty("sha").GetString()!).ToList();

    public static JsonElement CommitBySha(JsonElement report, string sha) =>
        Commits(report).Single(c => c.GetProperty("sha").GetString() == sha);

    /// <summary>The level ("high", "medium", "low") the JSON report gives the commit.</summary>
    public static string LevelOf(JsonElement report, string sha) =>
        CommitBySha(report, sha).GetProperty("importance").GetString()!;

    /// <summary>The reasons (code and detail) the JSON report gives for the commit's level.</summary>
    public static IReadOnlyList<(string Code, string Detail)> ReasonsOf(JsonElement report, string sha) =>
        CommitBySha(report, sha).GetProperty("reasons").EnumerateArray()
            .Select(r => (r.GetProperty("code").GetString()!, r.GetProperty("detail").GetString()!)).ToList();

    public static JsonElement FileByPath(JsonElement commit, string path) =>
        commit.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == path);

    public static void NoBomNoCarriageReturn(byte[] bytes, string what)
    {
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{what} starts with a BOM");
        Assert.False(bytes.Contains((byte)'\r'), $"{what} contains \\r");
    }
}
