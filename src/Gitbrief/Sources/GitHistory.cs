using System.Globalization;
using Gitbrief.Common;

namespace Gitbrief.Sources;

/// <summary>Reads commits from a git repository on disk (a work tree or a bare mirror) with one git
/// process per time range, whatever the number of commits or files.</summary>
internal sealed class GitHistory(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>Resolves the branch to read: the given name (local branch, remote-tracking branch or any
    /// revision), or HEAD. Returns the revision to pass to git and the name to show.</summary>
    public async Task<(string Revision, string Display)> ResolveBranchAsync(string? branch, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(branch))
        {
            var head = await GitCommand.RunTextAsync(Directory, ["symbolic-ref", "--short", "-q", "HEAD"], cancellationToken, allowFailure: true)
                .ConfigureAwait(false);
            await VerifyAsync("HEAD", "HEAD", cancellationToken).ConfigureAwait(false);
            return ("HEAD", head.Length > 0 ? head : "HEAD");
        }
        if (branch.StartsWith('-'))
        {
            throw new RepositoryException($"invalid branch name '{branch}'");
        }
        foreach (var candidate in new[] { $"refs/heads/{branch}", $"refs/remotes/origin/{branch}", branch })
        {
            var sha = await GitCommand.RunTextAsync(Directory, ["rev-parse", "--verify", "--quiet", "--end-of-options", candidate + "^{commit}"], cancellationToken, allowFailure: true)
                .ConfigureAwait(false);
            if (sha.Length > 0)
            {
                return (candidate, branch);
            }
        }
        throw new RepositoryException($"branch '{branch}' not found in {Directory}");
    }

    private async Task VerifyAsync(string revision, string display, CancellationToken cancellationToken)
    {
        var sha = await GitCommand.RunTextAsync(Directory, ["rev-parse", "--verify", "--quiet", revision + "^{commit}"], cancellationToken, allowFailure: true)
            .ConfigureAwait(false);
        if (sha.Length == 0)
        {
            throw new RepositoryException($"{display} has no commits in {Directory}");
        }
    }

    /// <summary>The commits whose committer date falls in [start, endExclusive), newest first.</summary>
    public async Task<IReadOnlyList<CommitRecord>> ReadAsync(
        string revision,
        DateTimeOffset start,
        DateTimeOffset endExclusive,
        bool firstParent,
        CancellationToken cancellationToken)
    {
        // git's --since stops walking shortly after the first older commits; a day of margin keeps commits
        // with slightly skewed clocks, and the exact window is applied below.
        var arguments = LogArguments(revision, firstParent, "--since=@" + Epoch(start.AddDays(-1)), "--until=@" + Epoch(endExclusive));
        var output = await GitCommand.RunAsync(Directory, arguments, cancellationToken).ConfigureAwait(false);
        return GitLogParser.Parse(output)
            .Where(c => c.CommittedAt >= start && c.CommittedAt < endExclusive)
            .ToList();
    }

    /// <summary>The committer date of the newest commit that a report would list, or null for an empty history.</summary>
    public async Task<DateTimeOffset?> LatestCommitDateAsync(string revision, bool firstParent, CancellationToken cancellationToken)
    {
        List<string> arguments = ["log", "-1", "--format=%cI", firstParent ? "--first-parent" : "--no-merges", "--end-of-options", revision, "--"];
        var text = await GitCommand.RunTextAsync(Directory, arguments, cancellationToken).ConfigureAwait(false);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
    }

    /// <summary>The URL of the "origin" remote, if any (used for web links of a local repository).</summary>
    public async Task<string?> OriginUrlAsync(CancellationToken cancellationToken)
    {
        var url = await GitCommand.RunTextAsync(Directory, ["config", "--get", "remote.origin.url"], cancellationToken, allowFailure: true)
            .ConfigureAwait(false);
        return url.Length > 0 ? url : null;
    }

    internal static List<string> LogArguments(string revision, bool firstParent, params string[] limits)
    {
        List<string> arguments =
        [
            "-c", "log.showSignature=false",
            "-c", "core.quotePath=false",
            "-c", "diff.renameLimit=2000",
            "log", "-z", "--raw", "--numstat", "-M", "--no-abbrev", "--no-color", "--no-ext-diff", "--no-textconv",
            "--encoding=UTF-8", "--format=" + GitLogParser.Format,
        ];
        arguments.AddRange(firstParent ? ["--first-parent", "--diff-merges=first-parent"] : ["--no-merges"]);
        arguments.AddRange(limits);
        arguments.AddRange(["--end-of-options", revision, "--"]);
        return arguments;
    }

    private static string Epoch(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
