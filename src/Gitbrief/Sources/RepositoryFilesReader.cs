using System.Text;

namespace Gitbrief.Sources;

/// <summary>Reads <see cref="RepositoryFiles"/> with two git calls run side by side: the tree of a revision and
/// the files changed by its last <see cref="RecentCommits"/> non-merge commits. A failure gives empty lists: the profile
/// only refines the ranking, it never fails a report.</summary>
internal static class RepositoryFilesReader
{
    public const int RecentCommits = 300;

    public static async Task<RepositoryFiles> ReadAsync(string directory, string revision, CancellationToken cancellationToken)
    {
        var tree = GitCommand.RunAsync(
            directory, ["-c", "core.quotePath=false", "ls-tree", "-r", "-z", "--name-only", "--end-of-options", revision], cancellationToken,
            allowFailure: true);
        var recent = GitCommand.RunAsync(
            directory,
            ["-c", "core.quotePath=false", "log", "-z", "--no-merges", "--no-renames", "--name-only", "--format=",
             "-n", RecentCommits.ToString(System.Globalization.CultureInfo.InvariantCulture), "--end-of-options", revision, "--"],
            cancellationToken, allowFailure: true);
        return new RepositoryFiles(Split(await tree.ConfigureAwait(false)), Split(await recent.ConfigureAwait(false)));
    }

    /// <summary>The NUL-separated paths, each decoded on its own (never the whole listing as one string), trimmed,
    /// empty ones left out.</summary>
    private static List<string> Split(byte[] output)
    {
        var paths = new List<string>();
        var rest = output.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)0);
            var path = Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]).Trim();
            if (path.Length > 0)
            {
                paths.Add(path);
            }
            rest = end < 0 ? default : rest[(end + 1)..];
        }
        return paths;
    }
}
