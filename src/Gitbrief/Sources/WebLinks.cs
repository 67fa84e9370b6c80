using System.Globalization;

namespace Gitbrief.Sources;

/// <summary>Builds commit and pull-request URLs for a repository on a known web host.</summary>
internal sealed record WebLinks(HostKind Kind, string BaseUrl)
{
    public static WebLinks None { get; } = new(HostKind.None, string.Empty);

    public string? Commit(string sha) => Kind switch
    {
        HostKind.GitHub or HostKind.Gitea => $"{BaseUrl}/commit/{sha}",
        HostKind.GitLab => $"{BaseUrl}/-/commit/{sha}",
        _ => null,
    };

    public string? PullRequest(int number) => Kind switch
    {
        HostKind.GitHub => $"{BaseUrl}/pull/{number.ToString(CultureInfo.InvariantCulture)}",
        HostKind.Gitea => $"{BaseUrl}/pulls/{number.ToString(CultureInfo.InvariantCulture)}",
        HostKind.GitLab => $"{BaseUrl}/-/merge_requests/{number.ToString(CultureInfo.InvariantCulture)}",
        _ => null,
    };

    /// <summary>Guesses the host kind from a remote URL (https, ssh or scp-like). Unknown hosts get no links
    /// unless <paramref name="forced"/> names the kind.</summary>
    public static WebLinks FromRemote(string? remoteUrl, HostKind? forced = null)
    {
        if (remoteUrl is null || !RepositoryAddress.TryParseRemote(remoteUrl, out var host, out var path) || host.Length == 0)
        {
            return None;
        }
        var kind = forced ?? GuessKind(host);
        if (kind == HostKind.None)
        {
            return None;
        }
        var trimmed = path.Trim('/');
        if (trimmed.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^4];
        }
        return trimmed.Length == 0 ? None : new WebLinks(kind, $"https://{host}/{trimmed}");
    }

    private static HostKind GuessKind(string host)
    {
        host = host.ToLowerInvariant();
        if (host is "github.com" or "www.github.com" || host.StartsWith("github.", StringComparison.Ordinal))
        {
            return HostKind.GitHub;
        }
        if (host.Contains("gitlab", StringComparison.Ordinal))
        {
            return HostKind.GitLab;
        }
        if (host is "codeberg.org" || host.Contains("gitea", StringComparison.Ordinal) || host.Contains("forgejo", StringComparison.Ordinal))
        {
            return HostKind.Gitea;
        }
        return HostKind.None;
    }
}
