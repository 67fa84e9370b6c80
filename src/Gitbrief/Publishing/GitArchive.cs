using System.Text;
using Gitbrief.Common;
using Gitbrief.Sources;

namespace Gitbrief.Publishing;

/// <summary>The working clone of an archive repository, kept under &lt;cache&gt;/publish/&lt;hash of the URL&gt;/.
/// Every git call runs without a shell; the auth header (if any) travels in the environment of the network
/// calls only (GIT_CONFIG_*), never on a command line or in the clone's config. Hooks are disabled.</summary>
internal sealed class GitArchive
{
    private readonly string url;
    private readonly string display;
    private readonly Dictionary<string, string> local;
    private readonly Dictionary<string, string> network;

    public GitArchive(string url, string display, string cacheDirectory, IReadOnlyDictionary<string, string> auth, string authorName, string authorEmail)
    {
        this.url = url;
        this.display = display;
        Directory = Path.Combine(cacheDirectory, "publish", Sha256.HexOf(Encoding.UTF8.GetBytes(url))[..16]);
        local = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["user.name"] = authorName,
            ["user.email"] = authorEmail,
            ["commit.gpgsign"] = "false",
            ["core.autocrlf"] = "false",
            ["core.hooksPath"] = Path.Combine(Directory, ".git", "gitbrief-no-hooks"),
        };
        network = new Dictionary<string, string>(local, StringComparer.Ordinal);
        foreach (var (key, value) in auth)
        {
            network[key] = value;
        }
    }

    /// <summary>The work tree of the clone.</summary>
    public string Directory { get; }

    /// <summary>Makes sure the clone exists and points at the archive; clears what an interrupted run left.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var gitDirectory = Path.Combine(Directory, ".git");
        if (!System.IO.Directory.Exists(gitDirectory))
        {
            await GitAsync(["init", "-q", "."], cancellationToken).ConfigureAwait(false);
            await GitAsync(["config", "remote.origin.url", url], cancellationToken).ConfigureAwait(false);
            await GitAsync(["config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*"], cancellationToken).ConfigureAwait(false);
            await GitAsync(["config", "gc.autoDetach", "false"], cancellationToken).ConfigureAwait(false);
            return;
        }
        // The caller holds the clone's lock: a lock file or a rebase in progress is from a run that was interrupted.
        File.Delete(Path.Combine(gitDirectory, "index.lock"));
        if (System.IO.Directory.Exists(Path.Combine(gitDirectory, "rebase-merge")) || System.IO.Directory.Exists(Path.Combine(gitDirectory, "rebase-apply")))
        {
            await GitAsync(["rebase", "--abort"], cancellationToken, allowFailure: true).ConfigureAwait(false);
        }
    }

    /// <summary>Asks the archive for its branches: the branch to use (<paramref name="branch"/>, else the
    /// remote's default branch, else main) and whether it exists there yet. Fails when the archive is unreachable.</summary>
    public async Task<(string Branch, bool Exists)> ResolveBranchAsync(string? branch, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await GitCommand.RunTextAsync(Directory, ["ls-remote", "--symref", "origin", "HEAD", "refs/heads/*"], cancellationToken, network).ConfigureAwait(false);
        }
        catch (RepositoryException e)
        {
            throw new GitbriefException($"cannot reach {display}: {e.Message}");
        }
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var head = lines
            .Where(l => l.StartsWith("ref: refs/heads/", StringComparison.Ordinal) && l.EndsWith("\tHEAD", StringComparison.Ordinal))
            .Select(l => l["ref: refs/heads/".Length..^"\tHEAD".Length])
            .FirstOrDefault();
        var heads = lines.Select(l => l.Split('\t')).Where(p => p.Length == 2 && p[1].StartsWith("refs/heads/", StringComparison.Ordinal))
            .Select(p => p[1]["refs/heads/".Length..])
            .ToHashSet(StringComparer.Ordinal);
        var chosen = branch ?? head ?? "main";
        return (chosen, heads.Contains(chosen));
    }

    /// <summary>Fetches the branch into origin/&lt;branch&gt;.</summary>
    public async Task FetchAsync(string branch, CancellationToken cancellationToken)
    {
        try
        {
            await GitCommand.RunAsync(Directory, ["fetch", "--no-tags", "--quiet", "origin", $"+refs/heads/{branch}:refs/remotes/origin/{branch}"],
                cancellationToken, network).ConfigureAwait(false);
        }
        catch (RepositoryException e)
        {
            throw new GitbriefException($"cannot fetch {branch} from {display}: {e.Message}");
        }
    }

    /// <summary>Puts the work tree exactly at origin/&lt;branch&gt; (a hard reset, untracked files removed), or at an
    /// empty new branch when the archive does not have it yet.</summary>
    public async Task ResetAsync(string branch, bool exists, CancellationToken cancellationToken)
    {
        if (exists)
        {
            await GitAsync(["checkout", "-q", "-f", "-B", branch, $"refs/remotes/origin/{branch}"], cancellationToken).ConfigureAwait(false);
            await GitAsync(["reset", "-q", "--hard", $"refs/remotes/origin/{branch}"], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await GitAsync(["symbolic-ref", "HEAD", $"refs/heads/{branch}"], cancellationToken).ConfigureAwait(false);
            await GitAsync(["update-ref", "-d", $"refs/heads/{branch}"], cancellationToken, allowFailure: true).ConfigureAwait(false);
            await GitAsync(["read-tree", "--empty"], cancellationToken).ConfigureAwait(false);
        }
        await GitAsync(["clean", "-q", "-f", "-f", "-d", "-x"], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stages <paramref name="paths"/> ('/'-separated, relative to the work tree) and commits them.</summary>
    public async Task CommitAsync(IReadOnlyList<string> paths, string message, CancellationToken cancellationToken)
    {
        await GitAsync(["add", "--", .. paths], cancellationToken).ConfigureAwait(false);
        await GitAsync(["commit", "-q", "--no-verify", "--cleanup=verbatim", "-m", message, "--", .. paths], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pushes HEAD to the branch. False when the archive rejected it as not a fast-forward (someone
    /// else pushed first); any other failure throws.</summary>
    public async Task<bool> PushAsync(string branch, CancellationToken cancellationToken)
    {
        var result = await GitCommand.RunRawAsync(Directory, ["push", "--porcelain", "origin", $"HEAD:refs/heads/{branch}"], network, cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return true;
        }
        var output = Encoding.UTF8.GetString(result.Output) + "\n" + result.Error;
        if (IsRace(output))
        {
            return false;
        }
        var reason = GitCommand.LastLine(result.Error.Length > 0 ? result.Error : Encoding.UTF8.GetString(result.Output));
        throw new GitbriefException($"cannot push to {display}: {reason}");
    }

    /// <summary>The branch moved under us: rejected as not a fast-forward (the push saw the new tip), or the
    /// archive's ref update lost a race with another push that landed at the same moment.</summary>
    private static bool IsRace(string output) =>
        (output.Contains("[rejected]", StringComparison.Ordinal) &&
         (output.Contains("non-fast-forward", StringComparison.Ordinal) || output.Contains("fetch first", StringComparison.Ordinal))) ||
        (output.Contains("[remote rejected]", StringComparison.Ordinal) &&
         (output.Contains("cannot lock ref", StringComparison.Ordinal) || output.Contains("incorrect old value", StringComparison.Ordinal)));

    /// <summary>Replays the local commits onto origin/&lt;branch&gt;. False (and the rebase aborted) on a conflict.</summary>
    public async Task<bool> RebaseAsync(string branch, CancellationToken cancellationToken)
    {
        var result = await GitCommand.RunRawAsync(Directory, ["rebase", "-q", $"refs/remotes/origin/{branch}"], local, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return true;
        }
        await GitAsync(["rebase", "--abort"], cancellationToken, allowFailure: true).ConfigureAwait(false);
        return false;
    }

    /// <summary>The newest commit of HEAD that touched any of <paramref name="paths"/>; null when there is none.</summary>
    public async Task<string?> LastCommitAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var sha = await GitCommand.RunTextAsync(Directory, ["log", "-1", "--format=%H", "HEAD", "--", .. paths], cancellationToken, local, allowFailure: true)
            .ConfigureAwait(false);
        return sha.Length > 0 ? sha : null;
    }

    private Task<byte[]> GitAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool allowFailure = false) =>
        GitCommand.RunAsync(Directory, arguments, cancellationToken, local, allowFailure);
}
