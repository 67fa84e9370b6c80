namespace Gitbrief.Sources.GitHubApi;

/// <summary>Asks the GitHub API which pull request each commit belongs to
/// (<c>GET /repos/{o}/{r}/commits/{sha}/pulls</c>, a few at a time) and links it on the commit: the pull request
/// its title names with "(#123)" if listed, else the first merged one, else the first one.</summary>
internal sealed class PullRequestEnricher(GitHubApiClient client, GitHubRepositoryName repository)
{
    public async Task<IReadOnlyList<CommitRecord>> EnrichAsync(IReadOnlyList<CommitRecord> commits, CancellationToken cancellationToken)
    {
        var enriched = new CommitRecord[commits.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, commits.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, client.Options.Concurrency), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var commit = commits[index];
                var pulls = await client.GetAsync($"{repository.ApiPath}/commits/{commit.Sha}/pulls", GitHubJsonContext.Default.ListPullRequestPayload, token)
                    .ConfigureAwait(false);
                enriched[index] = Choose(commit, pulls) is { } pull
                    ? commit with
                    {
                        LinkedPullRequest = new PullRequestInfo(
                            pull.Number,
                            pull.Title ?? string.Empty,
                            (pull.Labels ?? []).Select(l => l.Name).OfType<string>().Where(n => n.Length > 0).ToList()),
                    }
                    : commit;
            }).ConfigureAwait(false);
        return enriched;
    }

    private static PullRequestPayload? Choose(CommitRecord commit, IReadOnlyList<PullRequestPayload> pulls)
    {
        if (pulls.Count == 0)
        {
            return null;
        }
        var named = CommitMessage.PullRequestNumber(commit.Title);
        return pulls.FirstOrDefault(p => named is not null && p.Number == named)
            ?? pulls.FirstOrDefault(p => p.MergedAt is not null)
            ?? pulls[0];
    }
}
