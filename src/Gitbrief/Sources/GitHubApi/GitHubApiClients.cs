namespace Gitbrief.Sources.GitHubApi;

/// <summary>The GitHub API clients of one run, one per API endpoint, created on first use and shared by every
/// repository on that endpoint (one rate-limit state, one ETag cache directory).</summary>
internal sealed class GitHubApiClients(string cacheDirectory, string? token) : IDisposable
{
    private readonly Dictionary<string, GitHubApiClient> clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    public string? Token { get; } = token;

    public GitHubApiClient For(string apiUrl)
    {
        var baseUrl = GitHubApiOptions.Normalize(apiUrl);
        lock (gate)
        {
            if (!clients.TryGetValue(baseUrl.AbsoluteUri, out var client))
            {
                client = new GitHubApiClient(new GitHubApiOptions
                {
                    BaseUrl = baseUrl,
                    Token = Token,
                    CacheDirectory = Path.Combine(cacheDirectory, "github-api"),
                });
                clients[baseUrl.AbsoluteUri] = client;
            }
            return client;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
            clients.Clear();
        }
    }
}
