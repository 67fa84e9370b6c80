using System.Buffers;
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
        var tree = GitCommand.StreamAsync(
            directory, ["-c", "core.quotePath=false", "ls-tree", "-r", "-z", "--name-only", "--end-of-options", revision], SplitAsync, cancellationToken,
            allowFailure: true);
        var recent = GitCommand.StreamAsync(
            directory,
            ["-c", "core.quotePath=false", "log", "-z", "--no-merges", "--no-renames", "--name-only", "--format=",
             "-n", RecentCommits.ToString(System.Globalization.CultureInfo.InvariantCulture), "--end-of-options", revision, "--"],
            SplitAsync, cancellationToken, allowFailure: true);
        return new RepositoryFiles(await tree.ConfigureAwait(false) ?? [], await recent.ConfigureAwait(false) ?? []);
    }

    /// <summary>The NUL-separated paths, read as git writes them and each decoded on its own (never the whole listing
    /// held), trimmed, empty ones left out.</summary>
    private static async Task<List<string>> SplitAsync(Stream output, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        var reader = new GitOutputReader(output);
        var token = new ArrayBufferWriter<byte>();
        while (await reader.ConsumeAsync(0, token, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            var path = Encoding.UTF8.GetString(token.WrittenSpan.TrimEnd((byte)0)).Trim();
            if (path.Length > 0)
            {
                paths.Add(path);
            }
            token.ResetWrittenCount();
        }
        return paths;
    }
}
