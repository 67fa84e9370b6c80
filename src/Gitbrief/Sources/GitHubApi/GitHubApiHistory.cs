using System.Collections.Concurrent;
using System.Globalization;
using Gitbrief.Common;

namespace Gitbrief.Sources.GitHubApi;

/// <summary>Reads a repository's commits through the GitHub REST API instead of a clone: the list of a window
/// (<c>GET /repos/{o}/{r}/commits?sha&amp;since&amp;until</c>, every page), then each listed commit in full
/// (<c>GET /repos/{o}/{r}/commits/{sha}</c>, <see cref="GitHubApiOptions.Concurrency"/> at a time). As in git
/// mode, the committer date decides the day and merges are left out unless first-parent mode keeps them.
/// The patches of the commits read are kept for the LLM analyzer.</summary>
internal sealed class GitHubApiHistory(GitHubApiClient client, GitHubRepositoryName repository) : ICommitSource, IPatchSource
{
    private const int PageSize = 100;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, FilePatch>> patches = new(StringComparer.Ordinal);

    public GitHubRepositoryName Repository { get; } = repository;

    public IPatchSource Patches => this;

    public async Task<(string Revision, string Display)> ResolveBranchAsync(string? branch, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(branch))
        {
            return (branch, branch);
        }
        var info = await client.GetAsync(Repository.ApiPath, GitHubJsonContext.Default.RepositoryPayload, cancellationToken).ConfigureAwait(false);
        return info.DefaultBranch is { Length: > 0 } name
            ? (name, name)
            : throw new RepositoryException($"{Repository}: the GitHub API names no default branch (an empty repository?)");
    }

    public async Task<IReadOnlyList<CommitRecord>> ReadAsync(
        string revision, DateTimeOffset start, DateTimeOffset endExclusive, bool firstParent, CancellationToken cancellationToken)
    {
        var listed = await ListAsync(revision, start, endExclusive, firstParent, cancellationToken).ConfigureAwait(false);
        var wanted = listed
            .Where(c => GitHubCommitMapper.CommittedAt(c) >= start && GitHubCommitMapper.CommittedAt(c) < endExclusive)
            .ToList();
        var records = new CommitRecord[wanted.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, wanted.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, client.Options.Concurrency), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var detail = await client.GetAsync($"{Repository.ApiPath}/commits/{wanted[index].Sha}", GitHubJsonContext.Default.CommitPayload, token)
                    .ConfigureAwait(false);
                records[index] = GitHubCommitMapper.ToRecord(detail);
                patches[detail.Sha] = (detail.Files ?? [])
                    .Select(ApiPatchParser.Parse)
                    .OfType<FilePatch>()
                    .GroupBy(p => p.Path, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            }).ConfigureAwait(false);
        return records;
    }

    /// <summary>The commits of the window with a day of margin on both sides (the exact window is applied by the
    /// caller). Without merges, the list is taken with since and until; in first-parent mode it is taken from the
    /// branch tip (since only) and walked along first parents, merges kept.</summary>
    private async Task<List<CommitPayload>> ListAsync(
        string revision, DateTimeOffset start, DateTimeOffset endExclusive, bool firstParent, CancellationToken cancellationToken)
    {
        var query = $"{Repository.ApiPath}/commits?sha={Uri.EscapeDataString(revision)}&since={Iso(start.AddDays(-1))}";
        if (!firstParent)
        {
            query += $"&until={Iso(endExclusive.AddDays(1))}";
        }
        query += $"&per_page={PageSize.ToString(CultureInfo.InvariantCulture)}";
        var all = await client.GetPagesAsync(query, GitHubJsonContext.Default.ListCommitPayload, cancellationToken).ConfigureAwait(false);
        if (!firstParent)
        {
            return all.Where(c => (c.Parents?.Count ?? 0) <= 1).ToList();
        }
        var bySha = new Dictionary<string, CommitPayload>(StringComparer.Ordinal);
        foreach (var commit in all)
        {
            bySha.TryAdd(commit.Sha, commit);
        }
        var chain = new List<CommitPayload>();
        // The list starts at the branch tip (no until): follow first parents while they are listed.
        for (var current = all.FirstOrDefault(); current is not null && chain.Count <= all.Count;)
        {
            chain.Add(current);
            current = current.Parents is { Count: > 0 } parents && bySha.TryGetValue(parents[0].Sha, out var parent) ? parent : null;
        }
        return chain;
    }

    public async Task<DateTimeOffset?> LatestCommitDateAsync(string revision, bool firstParent, CancellationToken cancellationToken)
    {
        var query = $"{Repository.ApiPath}/commits?sha={Uri.EscapeDataString(revision)}&per_page={PageSize.ToString(CultureInfo.InvariantCulture)}";
        CommitPayload? found = null;
        await client.GetPagesAsync(query, GitHubJsonContext.Default.ListCommitPayload, cancellationToken, page =>
        {
            found = firstParent ? page.FirstOrDefault() : page.FirstOrDefault(c => (c.Parents?.Count ?? 0) <= 1);
            return found is not null;
        }).ConfigureAwait(false);
        return found is null ? null : GitHubCommitMapper.CommittedAt(found);
    }

    public Task<string?> OriginUrlAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>The patches the API gave with the commit (read by <see cref="ReadAsync"/>); a commit not read
    /// in this run is fetched again (usually a 304 from the ETag cache).</summary>
    async Task<IReadOnlyDictionary<string, FilePatch>> IPatchSource.ReadAsync(string sha, CancellationToken cancellationToken)
    {
        if (patches.TryGetValue(sha, out var known))
        {
            return known;
        }
        var detail = await client.GetAsync($"{Repository.ApiPath}/commits/{sha}", GitHubJsonContext.Default.CommitPayload, cancellationToken)
            .ConfigureAwait(false);
        return (detail.Files ?? []).Select(ApiPatchParser.Parse).OfType<FilePatch>()
            .GroupBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    private static string Iso(DateTimeOffset instant) =>
        Uri.EscapeDataString(instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
}
