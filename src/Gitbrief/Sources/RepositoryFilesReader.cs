using System.Buffers;
using System.Text;

namespace Gitbrief.Sources;

/// <summary>Reads what the repository looks like with two git calls run side by side: the paths of the tree of a revision
/// and the files changed by its last <see cref="RecentCommits"/> non-merge commits (one path per commit and file), each
/// path handed over as it is read (a tree of 20,000 files is never held as a list). A failure ends a listing where it
/// is: the profile only refines the ranking, it never fails a report.</summary>
internal static class RepositoryFilesReader
{
    public const int RecentCommits = 300;

    /// <summary>Calls <paramref name="inTree"/> with every path of the tree, and <paramref name="changed"/> with every path
    /// a recent commit changed, each in git's order; the two run side by side, each on one thread at a time.</summary>
    public static async Task ReadAsync(
        string directory, string revision, Action<string> inTree, Action<string> changed, CancellationToken cancellationToken)
    {
        var tree = GitCommand.StreamAsync(
            directory, ["-c", "core.quotePath=false", "ls-tree", "-r", "-z", "--name-only", "--end-of-options", revision],
            (output, token) => SplitAsync(output, inTree, token), cancellationToken, allowFailure: true);
        var recent = GitCommand.StreamAsync(
            directory,
            ["-c", "core.quotePath=false", "log", "-z", "--no-merges", "--no-renames", "--name-only", "--format=",
             "-n", RecentCommits.ToString(System.Globalization.CultureInfo.InvariantCulture), "--end-of-options", revision, "--"],
            (output, token) => SplitAsync(output, changed, token), cancellationToken, allowFailure: true);
        await tree.ConfigureAwait(false);
        await recent.ConfigureAwait(false);
    }

    /// <summary>The NUL-separated paths, read as git writes them and each decoded on its own (never the whole listing
    /// held), trimmed, empty ones left out.</summary>
    private static async Task<object> SplitAsync(Stream output, Action<string> path, CancellationToken cancellationToken)
    {
        var reader = new GitOutputReader(output);
        var token = new ArrayBufferWriter<byte>();
        while (await reader.ConsumeAsync(0, token, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            var text = Encoding.UTF8.GetString(token.WrittenSpan.TrimEnd((byte)0)).Trim();
            if (text.Length > 0)
            {
                path(text);
            }
            token.ResetWrittenCount();
        }
        // What StreamAsync hands back (null when git failed) is not needed: the paths went to their caller.
        return Read;
    }

    private static readonly object Read = new();
}
