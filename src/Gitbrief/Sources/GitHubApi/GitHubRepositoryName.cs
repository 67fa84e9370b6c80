namespace Gitbrief.Sources.GitHubApi;

/// <summary>owner/repo of a repository on GitHub, taken from its web links.</summary>
internal sealed record GitHubRepositoryName(string Owner, string Repo)
{
    /// <summary>repos/{owner}/{repo}, escaped for a URL.</summary>
    public string ApiPath => $"repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Repo)}";

    public override string ToString() => $"{Owner}/{Repo}";

    /// <summary>owner/repo from GitHub web links (https://github.com/owner/repo), or null for another host.</summary>
    public static GitHubRepositoryName? From(WebLinks links)
    {
        if (links.Kind != HostKind.GitHub || !Uri.TryCreate(links.BaseUrl, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 ? new GitHubRepositoryName(segments[^2], segments[^1]) : null;
    }
}
