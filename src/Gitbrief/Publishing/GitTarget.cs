using System.Text.RegularExpressions;
using System.Text;
using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Output;
using Gitbrief.Sources;

namespace Gitbrief.Publishing;

/// <summary><c>git</c>: the reports committed to an archive repository (<c>&lt;path&gt;/YYYY/&lt;name&gt;/DATE.md</c>,
/// and .json when the run writes it), one commit per repository-day, pushed once. Works in a clone kept under
/// the cache; a push rejected because the archive moved on is rebased and retried. A report is recorded in the
/// ledger (with its commit) only once the push succeeded, so a failed run delivers it next time.</summary>
internal sealed partial class GitTarget : IPublishTarget
{
    public const string DefaultMessage = Configuration.Schema.PublishTypes.DefaultArchiveMessage;
    public const string DefaultAuthorName = Configuration.Schema.PublishTypes.DefaultAuthorName;
    public const string DefaultAuthorEmail = Configuration.Schema.PublishTypes.DefaultAuthorEmail;

    /// <summary>The previous tool's variable naming the repository reports are committed to: the default of <c>repo:</c>.</summary>
    public const string RepositoryVariable = "REPOSITORY";
    private const int PushAttempts = 3;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly GitTargetOptions options;
    private readonly GitArchive archive;
    private readonly string lockPath;

    private GitTarget(string id, GitTargetOptions options, string cacheDirectory)
    {
        Id = id;
        this.options = options;
        archive = new GitArchive(options.Url, options.Display, cacheDirectory, options.Auth, options.AuthorName, options.AuthorEmail);
        lockPath = archive.Directory + ".lock";
    }

    public string Id { get; }

    public string Kind => "git";

    /// <summary>Tests: runs just before every push (e.g. another clone pushing first, to exercise the rebase).</summary>
    internal Func<CancellationToken, Task>? BeforePush { get; set; }

    public static IPublishTarget Create(TargetSettings settings, PublishContext context)
    {
        var configured = settings.String("repo")?.Trim();
        var repo = configured ?? context.Environment(RepositoryVariable)?.Trim();
        if (string.IsNullOrEmpty(repo))
        {
            throw settings.Error("repo", $"publish target 'git' needs 'repo' (or the {RepositoryVariable} environment variable)");
        }
        Common.UsageException Invalid(string problem) => configured is not null
            ? settings.Error("repo", $"'repo' {problem}")
            : new Common.UsageException($"the {RepositoryVariable} environment variable {problem}");
        var (url, display, localPath) = Locate(repo, Invalid);
        var branch = settings.String("branch")?.Trim();
        if (branch is not null && !BranchPattern().IsMatch(branch))
        {
            throw settings.Error("branch", $"'branch' is not a valid branch name: {branch}");
        }
        var folder = Folder(settings);
        var message = NonEmpty(settings, "message") ?? DefaultMessage;
        var auth = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? AuthHeader(settings, context, url) : new Dictionary<string, string>();
        var options = new GitTargetOptions(url, display, localPath, branch, folder, message, auth,
            NonEmpty(settings, "author_name") ?? DefaultAuthorName, NonEmpty(settings, "author_email") ?? DefaultAuthorEmail,
            settings.Bool("push") ?? true, context.Formats.Contains("json", StringComparer.Ordinal));
        return new GitTarget(settings.Identity("git:" + display), options, context.CacheDirectory);
    }

    public async Task<TargetOutcome> PublishAsync(PublishBatch batch, PublishLedger ledger, CancellationToken cancellationToken)
    {
        var pending = new List<PublishedReport>();
        var skipped = 0;
        foreach (var report in batch.Reports)
        {
            var previous = await ledger.FindAsync(Id, report, cancellationToken).ConfigureAwait(false);
            if (previous?.Hash == report.Hash)
            {
                skipped++;
            }
            else
            {
                pending.Add(report);
            }
        }
        if (pending.Count == 0)
        {
            return new TargetOutcome(Id, 0, 0, skipped);
        }

        if (options.LocalPath && !Directory.Exists(options.Url))
        {
            throw new GitbriefException($"cannot reach {options.Display}: no such directory");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(archive.Directory)!);
        await using var gate = await MirrorLock.AcquireAsync(lockPath, cancellationToken).ConfigureAwait(false);
        await archive.OpenAsync(cancellationToken).ConfigureAwait(false);
        var (branch, exists) = await archive.ResolveBranchAsync(options.Branch, cancellationToken).ConfigureAwait(false);
        var applied = await SyncAndApplyAsync(branch, exists, pending, batch.Now, ledger, cancellationToken).ConfigureAwait(false);
        if (applied.Count > 0 && options.Push)
        {
            for (var attempt = 1; !await PushAsync(branch, cancellationToken).ConfigureAwait(false); attempt++)
            {
                if (attempt == PushAttempts)
                {
                    throw new GitbriefException($"the push to {options.Display} was rejected {PushAttempts} times (the branch {branch} keeps moving); run again");
                }
                await archive.FetchAsync(branch, cancellationToken).ConfigureAwait(false);
                if (!await archive.RebaseAsync(branch, cancellationToken).ConfigureAwait(false))
                {
                    // The other commit touched the same report: start again from the archive and write ours on top.
                    applied = await SyncAndApplyAsync(branch, exists: true, pending, batch.Now, ledger, cancellationToken).ConfigureAwait(false);
                    if (applied.Count == 0)
                    {
                        break;
                    }
                }
            }
            foreach (var change in applied)
            {
                var sha = await archive.LastCommitAsync(change.Paths, cancellationToken).ConfigureAwait(false);
                await ledger.RecordAsync(Id, change.Report, sha, batch.Now, cancellationToken).ConfigureAwait(false);
            }
        }
        var delivered = applied.Count(c => c.IsNew);
        return new TargetOutcome(Id, delivered, applied.Count - delivered, skipped + pending.Count - applied.Count);
    }

    private async Task<bool> PushAsync(string branch, CancellationToken cancellationToken)
    {
        if (BeforePush is { } hook)
        {
            await hook(cancellationToken).ConfigureAwait(false);
        }
        return await archive.PushAsync(branch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings the clone to the archive's branch, then writes and commits every pending report whose
    /// files differ from the archive's. A report the archive already has byte for byte is recorded at once.</summary>
    private async Task<List<Change>> SyncAndApplyAsync(
        string branch, bool exists, IReadOnlyList<PublishedReport> pending, DateTimeOffset now, PublishLedger ledger, CancellationToken cancellationToken)
    {
        if (exists)
        {
            await archive.FetchAsync(branch, cancellationToken).ConfigureAwait(false);
        }
        await archive.ResetAsync(branch, exists, cancellationToken).ConfigureAwait(false);
        var changes = new List<Change>();
        foreach (var report in pending)
        {
            var files = Files(report);
            var isNew = !File.Exists(Path.Combine(archive.Directory, files[0].Path));
            var changed = false;
            foreach (var (path, content) in files)
            {
                changed |= await FileWriter.WriteAsync(Path.Combine(archive.Directory, path), content, cancellationToken).ConfigureAwait(false);
            }
            var paths = files.Select(f => f.Path).ToList();
            if (!changed)
            {
                var sha = await archive.LastCommitAsync(paths, cancellationToken).ConfigureAwait(false);
                await ledger.RecordAsync(Id, report, sha, now, cancellationToken).ConfigureAwait(false);
                continue;
            }
            await archive.CommitAsync(paths, Message(report), cancellationToken).ConfigureAwait(false);
            changes.Add(new Change(report, paths, isNew));
        }
        return changes;
    }

    /// <summary>The report's files in the archive: '/'-separated paths and their bytes, Markdown first.</summary>
    private List<(string Path, ReadOnlyMemory<byte> Content)> Files(PublishedReport report)
    {
        var prefix = options.Folder.Length == 0 ? string.Empty : options.Folder + "/";
        var files = new List<(string, ReadOnlyMemory<byte>)> { (prefix + report.RelativePath("md"), Utf8NoBom.GetBytes(report.Markdown)) };
        if (options.Json)
        {
            files.Add((prefix + report.RelativePath("json"), report.Json));
        }
        return files;
    }

    private string Message(PublishedReport report) => options.Message
        .Replace("{name}", report.Name, StringComparison.Ordinal)
        .Replace("{date}", report.IsoDate, StringComparison.Ordinal)
        .Replace("{repository}", report.Repository, StringComparison.Ordinal);

    /// <summary>The URL git is given and the name shown in messages and the target's id. A local path is made
    /// absolute; GitHub's owner/repo (the previous tool's REPOSITORY) becomes its https URL when no such directory
    /// exists; a URL with a password in it is refused (the token belongs in the environment).</summary>
    private static (string Url, string Display, bool LocalPath) Locate(string repo, Func<string, Common.UsageException> invalid)
    {
        if (RepositoryAddress.HasCredentials(repo))
        {
            throw invalid(UrlSecrecy.CredentialsProblem + "; for the archive, 'token_env' names it");
        }
        if (repo.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(repo, UriKind.Absolute, out _))
        {
            return (repo, MirrorCache.Describe(repo), false);
        }
        if (RepositoryAddress.TryParseRemote(repo, out var host, out _) && host.Length > 0)
        {
            return (repo, repo, false);
        }
        if (RepositoryAddress.IsGitHubShorthand(repo) && !Directory.Exists(repo))
        {
            var github = $"https://github.com/{(repo.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? repo[..^4] : repo)}.git";
            return (github, github, false);
        }
        var full = Path.GetFullPath(repo);
        return (full, full, true);
    }

    /// <summary>The folder inside the archive, '/'-separated without leading or trailing '/'; "" for the root.</summary>
    private static string Folder(TargetSettings settings)
    {
        var text = (settings.String("path") ?? "reports").Trim().Replace('\\', '/');
        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToList();
        if (text.StartsWith('/') || Path.IsPathRooted(text) || segments.Any(s => s == ".." || s == ".git"))
        {
            throw settings.Error("path", $"'path' must be a folder inside the repository (e.g. reports), not {text}");
        }
        return string.Join('/', segments);
    }

    /// <summary>The Authorization header for an https archive, from the variable <c>token_env</c> names (else
    /// GITHUB_TOKEN, else TOKEN), scoped to the archive's host. Empty when there is no token.</summary>
    private static Dictionary<string, string> AuthHeader(TargetSettings settings, PublishContext context, string url)
    {
        var token = settings.Has("token_env")
            ? settings.Secret("token_env", context.Environment)
            : GitAuth.TokenVariables.Select(v => settings.Secret("token_env", context.Environment, v, required: false)).FirstOrDefault(t => t is not null);
        return token is null ? [] : GitAuth.HeaderConfig(token.Trim(), new Uri(url));
    }

    private static string? NonEmpty(TargetSettings settings, string key)
    {
        var value = settings.String(key);
        return value is null ? null : value.Trim().Length > 0 ? value.Trim() : throw settings.Error(key, $"'{key}' must not be empty");
    }

    [GeneratedRegex(@"^(?!-)(?!.*\.\.)(?!.*//)(?!.*@\{)[^\s~^:?*\[\\\x00-\x1f\x7f]+(?<![/.])(?<!\.lock)$")]
    private static partial Regex BranchPattern();

    private sealed record Change(PublishedReport Report, IReadOnlyList<string> Paths, bool IsNew);
}

/// <summary>The git target's settings, resolved.</summary>
internal sealed record GitTargetOptions(
    string Url,
    string Display,
    bool LocalPath,
    string? Branch,
    string Folder,
    string Message,
    IReadOnlyDictionary<string, string> Auth,
    string AuthorName,
    string AuthorEmail,
    bool Push,
    bool Json);
