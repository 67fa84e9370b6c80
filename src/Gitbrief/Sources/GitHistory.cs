using System.Globalization;
using System.Text;
using Gitbrief.Common;

namespace Gitbrief.Sources;

/// <summary>Reads commits from a git repository on disk (a work tree or a bare mirror) with two git
/// processes per time range (the list, then the commits in full, with the changed lines of the small ones, read as
/// git writes them), whatever the number of commits or files; a commit of thousands of modified files is counted by one
/// git per core instead (<see cref="WideCommitCounts"/>).</summary>
internal sealed class GitHistory(string directory) : ICommitSource
{
    public string Directory { get; } = directory;

    /// <summary>The revision read when no branch is named.</summary>
    public const string Head = "HEAD";

    public IPatchSource Patches => new GitPatchSource(Directory, kept);

    private KeptPatches? kept;

    /// <summary>From now on, the patches of the commits read are kept for <see cref="Patches"/> (the LLM analyzer reads
    /// them from the window's one read instead of one <c>git show</c> per commit).</summary>
    public void KeepPatches() => kept ??= new KeptPatches();

    /// <summary>Resolves the branch to read: the given name (local branch, remote-tracking branch or any
    /// revision), or HEAD. Returns the revision to pass to git and the name to show.</summary>
    public async Task<(string Revision, string Display)> ResolveBranchAsync(string? branch, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(branch))
        {
            // A plain repository names its branch in its HEAD file, and the window's list, started beside, shows that HEAD
            // has commits: no git process of its own.
            if (listing is { Window.Revision: Head } started && GitFiles.HeadBranch(Directory) is { } named
                && await started.Listed.ConfigureAwait(false) is not null)
            {
                return (Head, named);
            }
            // Else one call answers all three questions: is this a repository, has HEAD a commit, what is it called.
            var head = await GitCommand.RunRawAsync(Directory, ["rev-parse", "--abbrev-ref", "--verify", "--quiet", "HEAD"], null, cancellationToken)
                .ConfigureAwait(false);
            if (head.ExitCode != 0)
            {
                if (head.Error.Contains("not a git repository", StringComparison.Ordinal))
                {
                    throw new RepositoryException($"{Directory}: not a git repository");
                }
                return await UnbornBranchAsync(cancellationToken).ConfigureAwait(false);
            }
            var name = Encoding.UTF8.GetString(head.Output).Trim();
            return (Head, name.Length > 0 ? name : Head);
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

    /// <summary>Set once <see cref="ResolveBranchAsync"/> found a repository without any commit (just created by
    /// git init, or the mirror of an empty remote): its days are reported, empty.</summary>
    public bool IsEmpty { get; private set; }

    /// <summary>HEAD names a branch that has no commit yet: an empty repository when there is no other ref either.</summary>
    private async Task<(string Revision, string Display)> UnbornBranchAsync(CancellationToken cancellationToken)
    {
        var refs = await GitCommand.RunTextAsync(Directory, ["for-each-ref", "--count=1", "--format=%(refname)"], cancellationToken, allowFailure: true)
            .ConfigureAwait(false);
        if (refs.Length > 0)
        {
            throw new RepositoryException($"HEAD has no commits in {Directory} (name the branch to read with --branch)");
        }
        var name = await GitCommand.RunTextAsync(Directory, ["symbolic-ref", "--quiet", "--short", "HEAD"], cancellationToken, allowFailure: true)
            .ConfigureAwait(false);
        IsEmpty = true;
        return (Head, name.Length > 0 ? name : Head);
    }

    /// <summary>A window with fewer commits is read by one git process (a second one would cost more than it saves).</summary>
    private const int MinCommitsToSplit = 8;

    private readonly TaskCompletionSource found = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a <see cref="ReadAsync"/> has listed commits in its window, just before it reads them in
    /// full; never when no window had any. Work needed only for commits (the repository profile) waits for it, so it
    /// runs beside the reading and never for a day without commits.</summary>
    public Task CommitsFound => found.Task;

    private ((string Revision, DateTimeOffset Start, DateTimeOffset EndExclusive, bool FirstParent) Window, Task<string?> Listed)? listing;

    /// <summary>Starts listing the commits of a window that <see cref="ReadAsync"/> will be asked for, before the branch is
    /// resolved (HEAD when none is named): the list runs beside <see cref="ResolveBranchAsync"/> instead of after it. A
    /// failure here is dropped (ReadAsync lists again and reports it), and nothing is read for an empty repository.</summary>
    public void StartListing(string revision, DateTimeOffset start, DateTimeOffset endExclusive, bool firstParent, CancellationToken cancellationToken)
    {
        listing = ((revision, start, endExclusive, firstParent), ListQuietlyAsync());

        async Task<string?> ListQuietlyAsync()
        {
            try
            {
                return await ListAsync(revision, start, endExclusive, firstParent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RepositoryException or OperationCanceledException)
            {
                return null;
            }
        }
    }

    /// <summary>The commits of <paramref name="revision"/> committed from a day before <paramref name="start"/> to
    /// <paramref name="endExclusive"/>, one "sha committer-time" line each. git's --since stops walking shortly after the
    /// first older commits, so the list is taken with a day of margin (commits with skewed clocks), cheaply, without
    /// diffs; <see cref="ReadAsync"/> applies the exact window and reads only the commits in it in full.</summary>
    private Task<string> ListAsync(string revision, DateTimeOffset start, DateTimeOffset endExclusive, bool firstParent, CancellationToken cancellationToken)
    {
        List<string> list =
        [
            "log", "--format=%H %ct", firstParent ? "--first-parent" : "--no-merges",
            "--since=@" + Epoch(start.AddDays(-1)), "--until=@" + Epoch(endExclusive), "--end-of-options", revision, "--",
        ];
        return GitCommand.RunTextAsync(Directory, list, cancellationToken);
    }

    /// <summary>The commits whose committer date falls in [start, endExclusive), newest first.</summary>
    public async Task<IReadOnlyList<CommitRecord>> ReadAsync(
        string revision,
        DateTimeOffset start,
        DateTimeOffset endExclusive,
        bool firstParent,
        CancellationToken cancellationToken)
    {
        if (IsEmpty)
        {
            return [];
        }
        var early = listing is { } started && started.Window == (revision, start, endExclusive, firstParent) ? started.Listed : null;
        listing = null;
        var listed = (early is null ? null : await early.ConfigureAwait(false))
            ?? await ListAsync(revision, start, endExclusive, firstParent, cancellationToken).ConfigureAwait(false);
        var (from, to) = (start.ToUnixTimeSeconds(), endExclusive.ToUnixTimeSeconds());
        var shas = new List<string>();
        foreach (var line in listed.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && long.TryParse(line.AsSpan(space + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var committed)
                && committed >= from && committed < to)
            {
                shas.Add(line[..space]);
            }
        }
        if (shas.Count == 0)
        {
            return [];
        }
        found.TrySetResult();
        var read = await ReadInFullAsync(shas, firstParent, cancellationToken).ConfigureAwait(false);
        return shas.Select(sha => read.GetValueOrDefault(sha)).OfType<CommitRecord>()
            .Where(c => c.CommittedAt >= start && c.CommittedAt < endExclusive).ToList();
    }

    /// <summary>Reads the commits <paramref name="shas"/> in full, by sha. Their patches give the line counts (git spends
    /// about as long on <c>--numstat</c> as on the patch itself); the few commits whose patch cannot (a pure rename, a mode
    /// change, an empty file: binary or not is in the content) are read again with <c>--numstat</c>. On more than one core,
    /// a window of many commits is read by two git processes (git diffs on one core), each a run of consecutive commits:
    /// neighbours in history share the objects git inflates (the same files, one delta from the other), which git's caches
    /// keep for the next commit; every other commit each made both processes inflate nearly everything (whole history of
    /// the bench's repository: 2.3 s of git CPU against 1.9 s).</summary>
    private async Task<Dictionary<string, CommitRecord>> ReadInFullAsync(List<string> shas, bool firstParent, CancellationToken cancellationToken)
    {
        var parts = Environment.ProcessorCount > 1 && shas.Count >= MinCommitsToSplit ? 2 : 1;
        var size = (shas.Count + parts - 1) / parts;
        var reads = await Task.WhenAll(shas.Chunk(size).Select(part => ReadSettledAsync([.. part], firstParent, cancellationToken)))
            .ConfigureAwait(false);
        var bySha = new Dictionary<string, CommitRecord>(StringComparer.Ordinal);
        foreach (var commit in reads.SelectMany(r => r))
        {
            bySha.TryAdd(commit.Sha, commit);
        }
        return bySha;
    }

    /// <summary>Reads <paramref name="shas"/> with the counts from their patches, then (in the same part, so that it overlaps
    /// the other part's read) the unsettled ones again with <c>--numstat</c>.</summary>
    private async Task<List<CommitRecord>> ReadSettledAsync(List<string> shas, bool firstParent, CancellationToken cancellationToken)
    {
        var read = await ReadPartAsync(shas, countsFromPatch: true, firstParent, cancellationToken).ConfigureAwait(false);
        if (read.Unsettled.Count > 0)
        {
            read.Commits.AddRange((await ReadPartAsync(read.Unsettled, countsFromPatch: false, firstParent, cancellationToken).ConfigureAwait(false)).Commits);
        }
        return read.Commits;
    }

    private async Task<CommitLogRead> ReadPartAsync(List<string> shas, bool countsFromPatch, bool firstParent, CancellationToken cancellationToken)
    {
        var input = new StringBuilder();
        foreach (var sha in shas)
        {
            input.Append(sha).Append('\n');
        }
        var read = (await GitCommand.StreamAsync(
                Directory, ShowArguments(firstParent, countsFromPatch),
                (output, token) => CommitLogReader.ReadAllAsync(output, kept, countsFromPatch, token, WideCommitCounts.Parts), cancellationToken,
                input: input.ToString(), stoppedEarly: r => r.Wide is not null)
            .ConfigureAwait(false))!;
        return read.Wide is { } wide ? await ReadWideAsync(read, wide, shas, firstParent, cancellationToken).ConfigureAwait(false) : read;
    }

    /// <summary>The read that stopped at <paramref name="wide"/> completed: the wide commit counted by parts (or, when the
    /// parts fail to list its files, read whole with <c>--numstat</c>) while the commits after it are read by another git.</summary>
    private async Task<CommitLogRead> ReadWideAsync(CommitLogRead read, WideCommit wide, List<string> shas, bool firstParent, CancellationToken cancellationToken)
    {
        var rest = shas[(shas.IndexOf(wide.Commit.Sha) + 1)..];
        var remaining = rest.Count > 0 ? ReadPartAsync(rest, countsFromPatch: true, firstParent, cancellationToken) : null;
        if (await WideCommitCounts.CountAsync(Directory, wide.Commit, wide.Entries, wide.Parts, cancellationToken).ConfigureAwait(false))
        {
            read.Commits.Add(wide.Commit with { Files = wide.Entries.ToList() });
        }
        else
        {
            read.Commits.AddRange((await ReadPartAsync([wide.Commit.Sha], countsFromPatch: false, firstParent, cancellationToken).ConfigureAwait(false)).Commits);
        }
        if (remaining is not null)
        {
            var after = await remaining.ConfigureAwait(false);
            read.Commits.AddRange(after.Commits);
            read.Unsettled.AddRange(after.Unsettled);
        }
        read.Wide = null;
        return read;
    }

    /// <summary>The committer date of the newest commit that a report would list, or null for an empty history.</summary>
    public async Task<DateTimeOffset?> LatestCommitDateAsync(string revision, bool firstParent, CancellationToken cancellationToken)
    {
        if (IsEmpty)
        {
            return null;
        }
        List<string> arguments = ["log", "-1", "--format=%cI", firstParent ? "--first-parent" : "--no-merges", "--end-of-options", revision, "--"];
        var text = await GitCommand.RunTextAsync(Directory, arguments, cancellationToken).ConfigureAwait(false);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
    }

    /// <summary>The commit <paramref name="revision"/> names (its full SHA), or null when it names none.</summary>
    public async Task<string?> CommitOfAsync(string revision, CancellationToken cancellationToken)
    {
        var sha = await GitCommand.RunTextAsync(Directory, ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], cancellationToken, allowFailure: true)
            .ConfigureAwait(false);
        return sha.Length > 0 ? sha : null;
    }

    /// <summary>The newest commit of <paramref name="revision"/> committed before <paramref name="instant"/> (without
    /// merges, or on the first-parent chain), or null when there is none.</summary>
    public async Task<string?> NewestCommitBeforeAsync(string revision, DateTimeOffset instant, bool firstParent, CancellationToken cancellationToken)
    {
        List<string> arguments =
            ["rev-list", "-n", "1", firstParent ? "--first-parent" : "--no-merges", "--before=@" + Epoch(instant.AddSeconds(-1)), "--end-of-options", revision, "--"];
        var sha = await GitCommand.RunTextAsync(Directory, arguments, cancellationToken, allowFailure: true).ConfigureAwait(false);
        return sha.Length > 0 ? sha : null;
    }

    /// <summary>The URL of the "origin" remote, if any (used for web links of a local repository).</summary>
    public async Task<string?> OriginUrlAsync(CancellationToken cancellationToken)
    {
        if (GitFiles.OriginUrl(Directory) is { } configured)
        {
            return configured;
        }
        var url = await GitCommand.RunTextAsync(Directory, ["config", "--get", "remote.origin.url"], cancellationToken, allowFailure: true)
            .ConfigureAwait(false);
        return url.Length > 0 ? url : null;
    }

    /// <summary>Reads the commits named on stdin, in that order, with their files, patches and (unless the counts are
    /// taken from the patch) line counts (<see cref="CommitLogReader"/> keeps the patches of small commits only). The
    /// patch keeps git's context (no <c>-U0</c>): git aligns a diff differently without context, and the counts of
    /// <c>--numstat</c> follow the patch's, so with it they would no longer be those of <c>git log --numstat</c>.</summary>
    internal static List<string> ShowArguments(bool firstParent, bool countsFromPatch = false)
    {
        List<string> arguments =
        [
            "-c", "log.showSignature=false",
            "-c", "core.quotePath=false",
            "-c", "diff.renameLimit=2000",
            // The patch is parsed: a root commit shows its files, and paths keep git's usual a/ and b/ prefixes.
            "-c", "log.showRoot=true",
            "log", "--no-walk=unsorted", "--stdin",
            "-z", "--raw", .. (countsFromPatch ? (string[])[] : ["--numstat"]), "-p", "--src-prefix=a/", "--dst-prefix=b/", "-M", "--no-color", "--no-ext-diff", "--no-textconv",
            "--encoding=UTF-8", "--format=" + GitLogParser.Format,
        ];
        arguments.AddRange(firstParent ? ["--first-parent", "--diff-merges=first-parent"] : ["--no-merges"]);
        return arguments;
    }

    private static string Epoch(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
