using System.Text;

namespace Gitbrief.Sources;

/// <summary>Reads <see cref="ChangeExcerpt"/>s of several commits with one <c>git log -p -U0</c> call, keeping only
/// the first changed lines of each file while it reads.</summary>
internal static class ChangeExcerptReader
{
    private const char CommitMark = '\u0001';

    public static async Task<Dictionary<string, ChangeExcerpt>> ReadAsync(
        string directory, IReadOnlyList<string> shas, CancellationToken cancellationToken)
    {
        if (shas.Count == 0)
        {
            return [];
        }
        var output = await GitCommand.RunAsync(
            directory,
            ["-c", "core.quotePath=false", "log", "--no-walk=unsorted", "--stdin", "-p", "-U0", "-M", "--no-color", "--no-ext-diff",
             "--no-textconv", "--diff-merges=first-parent", "--format=%x01%H"],
            cancellationToken,
            input: string.Join('\n', shas) + "\n").ConfigureAwait(false);
        return Parse(Encoding.UTF8.GetString(output));
    }

    public static Dictionary<string, ChangeExcerpt> Parse(string text)
    {
        var result = new Dictionary<string, ChangeExcerpt>(StringComparer.Ordinal);
        string? sha = null;
        Dictionary<string, IReadOnlyList<string>>? files = null;
        List<string>? current = null;
        string? deleted = null;
        var total = 0;
        void Finish()
        {
            if (sha is not null && files is not null)
            {
                result[sha] = new ChangeExcerpt(files);
            }
        }
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && line[0] == CommitMark)
            {
                Finish();
                sha = line[1..].Trim();
                files = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                current = null;
                total = 0;
                continue;
            }
            if (files is null)
            {
                continue;
            }
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                current = null;
                deleted = null;
                continue;
            }
            if (current is null && line.StartsWith("--- ", StringComparison.Ordinal))
            {
                deleted = StripPrefix(line[4..]);
                continue;
            }
            if (current is null && line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = line[4..] == "/dev/null" ? deleted : StripPrefix(line[4..]);
                if (path is not null)
                {
                    current = [];
                    files[path] = current;
                }
                continue;
            }
            if (current is null || line.Length == 0 || line[0] is not ('+' or '-'))
            {
                continue;
            }
            if (current.Count < ChangeExcerpt.MaxLinesPerFile && total < ChangeExcerpt.MaxLinesPerCommit)
            {
                current.Add(line.Length > ChangeExcerpt.MaxLineLength ? line[..ChangeExcerpt.MaxLineLength] : line);
                total++;
            }
        }
        Finish();
        return result;
    }

    private static string? StripPrefix(string path) =>
        path == "/dev/null" ? null : path.StartsWith("a/", StringComparison.Ordinal) || path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path;
}
