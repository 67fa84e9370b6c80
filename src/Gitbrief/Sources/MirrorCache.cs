using Gitbrief.Common;

namespace Gitbrief.Sources;

/// <summary>Keeps remote repositories as bare mirrors under the cache directory: created on first use,
/// then <c>git fetch --prune</c>. Only branches are fetched (not pull-request refs). A GitHub token from
/// GITHUB_TOKEN or TOKEN is sent as an HTTP header to github.com only, through the environment of the
/// git process: never on a command line, in a config file, a log or an error.</summary>
internal sealed class MirrorCache(string cacheDirectory, string? token, bool partialClone = false)
{
    public string CacheDirectory { get; } = cacheDirectory;

    public static string? TokenFromEnvironment() => GitAuth.GitHubToken(Environment.GetEnvironmentVariable);

    /// <summary>Creates or updates the mirror of a remote repository and returns its directory.</summary>
    public async Task<string> UpdateAsync(RepositoryAddress address, CancellationToken cancellationToken)
    {
        var url = address.RemoteUrl ?? throw new InvalidOperationException("not a remote repository");
        var path = address.MirrorPath(CacheDirectory);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var gate = await MirrorLock.AcquireAsync(path + ".lock", cancellationToken).ConfigureAwait(false);
        var config = AuthConfig(url);
        var fresh = !System.IO.Directory.Exists(Path.Combine(path, "objects"));
        try
        {
            if (fresh)
            {
                await GitCommand.RunAsync(null, ["init", "--bare", "-q", path], cancellationToken).ConfigureAwait(false);
                await GitCommand.RunAsync(path, ["config", "remote.origin.url", url], cancellationToken).ConfigureAwait(false);
                await GitCommand.RunAsync(path, ["config", "remote.origin.fetch", "+refs/heads/*:refs/heads/*"], cancellationToken).ConfigureAwait(false);
                await GitCommand.RunAsync(path, ["config", "gc.autoDetach", "false"], cancellationToken).ConfigureAwait(false);
                if (partialClone)
                {
                    await GitCommand.RunAsync(path, ["config", "remote.origin.promisor", "true"], cancellationToken).ConfigureAwait(false);
                    await GitCommand.RunAsync(path, ["config", "remote.origin.partialclonefilter", "blob:none"], cancellationToken).ConfigureAwait(false);
                }
            }
            await GitCommand.RunAsync(path, ["fetch", "--prune", "--no-tags", "--quiet", "origin"], cancellationToken, config).ConfigureAwait(false);
            await UpdateHeadAsync(path, config, cancellationToken).ConfigureAwait(false);
        }
        catch (RepositoryException e)
        {
            if (fresh)
            {
                TryDelete(path);
            }
            throw new RepositoryException($"cannot fetch {Describe(url)}: {e.Message}");
        }
        return path;
    }

    /// <summary>Points the mirror's HEAD at the remote's default branch.</summary>
    private static async Task UpdateHeadAsync(string path, IReadOnlyDictionary<string, string> config, CancellationToken cancellationToken)
    {
        var text = await GitCommand.RunTextAsync(path, ["ls-remote", "--symref", "origin", "HEAD"], cancellationToken, config, allowFailure: true)
            .ConfigureAwait(false);
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("ref: refs/heads/", StringComparison.Ordinal));
        if (line is not null)
        {
            var target = line["ref: ".Length..].Split('\t')[0];
            await GitCommand.RunAsync(path, ["symbolic-ref", "HEAD", target], cancellationToken, allowFailure: true).ConfigureAwait(false);
        }
    }

    private IReadOnlyDictionary<string, string> AuthConfig(string url)
    {
        if (token is null || !RepositoryAddress.TryParseRemote(url, out var host, out _) ||
            !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(host, "github.com", StringComparison.OrdinalIgnoreCase))
        {
            return new Dictionary<string, string>();
        }
        return GitAuth.HeaderConfig(token, new Uri("https://github.com"));
    }

    /// <summary>A URL as it may be shown: without any user-info part.</summary>
    internal static string Describe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? url.Replace(uri.UserInfo + "@", string.Empty, StringComparison.Ordinal)
            : url;

    private static void TryDelete(string path)
    {
        try
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
