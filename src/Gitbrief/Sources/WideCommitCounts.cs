using System.Text;

namespace Gitbrief.Sources;

/// <summary>The line counts of a commit that modifies thousands of files, taken by several git processes at once, each
/// counting (<c>--numstat</c>) the files of some of its directories, instead of from the one patch git writes on one core.
/// The window's read sees the commit's file list (its raw entries come before its patch), stops there and hands the commit
/// here: git's diff of 20,000 files was two thirds of a report's wall time. Only a commit whose every file was modified in
/// place qualifies (no addition or deletion, so no rename that a split could break; one parent), its files split on
/// directory boundaries into pathspecs of ASCII paths; the counts are taken only when the parts list every file once, in
/// the commit's order, else the commit is read whole as before. Each file's counts are git's own, as numstat gives them
/// (bench/README.md, "wide7").</summary>
internal static class WideCommitCounts
{
    /// <summary>A commit of fewer files is read from its patch: git diffs it in a few milliseconds.</summary>
    internal const int MinFiles = 1000;

    /// <summary>At most this many pathspecs in all (a directory or file each): beyond, git's matching of every path against
    /// every pathspec would cost what the split saves.</summary>
    private const int MaxPathspecs = 256;

    /// <summary>How many git processes count a wide commit: one per core, up to four; none on one core.</summary>
    internal static int Parts => Math.Min(Environment.ProcessorCount, 4);

    /// <summary>The pathspecs of each of up to <paramref name="parts"/> git processes that together count the files of
    /// <paramref name="commit"/>, each part a run of consecutive files; null when the commit does not qualify.</summary>
    internal static List<List<string>>? Split(CommitRecord commit, FileEntries entries, int parts)
    {
        if (parts < 2 || commit.Parents.Count != 1 || entries.Count < MinFiles || !entries.AllModified)
        {
            return null;
        }
        var paths = entries.Paths();
        var units = new List<(string Spec, int Files)>();
        if (!Units(paths, 0, paths.Count, 0, Math.Max(1, paths.Count / (parts * 4)), units))
        {
            return null;
        }
        var target = (paths.Count + parts - 1) / parts;
        var groups = new List<List<string>>();
        var current = new List<string>();
        var files = 0;
        foreach (var (spec, count) in units)
        {
            if (files >= target && groups.Count < parts - 1)
            {
                groups.Add(current);
                (current, files) = ([], 0);
            }
            current.Add(":(top,literal)" + spec);
            files += count;
        }
        groups.Add(current);
        return groups.Count < 2 ? null : groups;
    }

    /// <summary>Adds the pathspecs of <paramref name="paths"/>[<paramref name="from"/>..<paramref name="to"/>), which share
    /// their first <paramref name="depth"/> characters (a directory and its slash): a directory of at most
    /// <paramref name="limit"/> files is one pathspec, a larger one is split the same way, a file is its own. False when a
    /// pathspec would not be ASCII or there would be too many.</summary>
    private static bool Units(List<string> paths, int from, int to, int depth, int limit, List<(string Spec, int Files)> units)
    {
        for (var i = from; i < to;)
        {
            var slash = paths[i].IndexOf('/', depth);
            var end = i + 1;
            if (slash >= 0)
            {
                var directory = paths[i].AsSpan(0, slash + 1);
                while (end < to && paths[end].AsSpan().StartsWith(directory, StringComparison.Ordinal))
                {
                    end++;
                }
            }
            if (slash >= 0 && end - i > limit)
            {
                if (!Units(paths, i, end, slash + 1, limit, units))
                {
                    return false;
                }
            }
            else
            {
                var spec = slash >= 0 ? paths[i][..slash] : paths[i];
                if (!Ascii.IsValid(spec) || spec.Length == 0)
                {
                    return false;
                }
                units.Add((spec, end - i));
            }
            if (units.Count > MaxPathspecs)
            {
                return false;
            }
            i = end;
        }
        return true;
    }

    /// <summary>Counts the files of <paramref name="commit"/> with one git process per part of <paramref name="parts"/>,
    /// all at once, into <paramref name="entries"/>; false when their outputs do not list every file once in order (the
    /// caller then reads the commit whole).</summary>
    internal static async Task<bool> CountAsync(
        string directory, CommitRecord commit, FileEntries entries, List<List<string>> parts, CancellationToken cancellationToken)
    {
        var outputs = await Task.WhenAll(parts.Select(specs => GitCommand.RunAsync(directory, Arguments(commit.Sha, specs), cancellationToken)))
            .ConfigureAwait(false);
        return entries.TryCountFromNumstat(outputs);
    }

    /// <summary>The counts of one part: the options of the window's read that bear on a file's diff, <c>--numstat</c>
    /// instead of the patch.</summary>
    private static List<string> Arguments(string sha, List<string> specs) =>
    [
        "-c", "log.showSignature=false", "-c", "core.quotePath=false",
        "log", "--no-walk", "-z", "--numstat", "--format=", "-M", "--no-color", "--no-ext-diff", "--no-textconv",
        "--end-of-options", sha, "--", .. specs,
    ];
}
