namespace Gitbrief.Sources.GitHubApi;

/// <summary>Turns a commit of the GitHub API into a <see cref="CommitRecord"/>.
/// What differs from git: dates are UTC (GitHub drops the original offset), the mailmap is not applied, the
/// message usually lacks its final line end,
/// binary files are recognised by having neither a patch nor line counts, and a commit lists at most
/// <see cref="MaxFiles"/> files (<see cref="CommitRecord.FilesTruncated"/> is set when it lists that many).</summary>
internal static class GitHubCommitMapper
{
    /// <summary>The most files the commit endpoint lists.</summary>
    public const int MaxFiles = 300;

    public static CommitRecord ToRecord(CommitPayload payload)
    {
        var commit = payload.Commit;
        var files = payload.Files ?? [];
        // As GitHub stores it, usually without the final line end that git log shows.
        var message = (commit.Message ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
        return new CommitRecord
        {
            Sha = payload.Sha,
            Parents = (payload.Parents ?? []).Select(p => p.Sha).ToList(),
            Author = Person(commit.Author),
            AuthoredAt = commit.Author?.Date ?? commit.Committer?.Date ?? DateTimeOffset.UnixEpoch,
            Committer = Person(commit.Committer),
            CommittedAt = CommittedAt(payload),
            Message = message,
            Files = files.Select(ToChange).ToList(),
            FilesTruncated = files.Count >= MaxFiles,
        };
    }

    public static DateTimeOffset CommittedAt(CommitPayload payload) =>
        payload.Commit.Committer?.Date ?? payload.Commit.Author?.Date ?? DateTimeOffset.UnixEpoch;

    public static FileChange ToChange(FilePayload file)
    {
        var status = Status(file.Status);
        var renamed = status is FileStatus.Renamed or FileStatus.Copied;
        var lines = file.Additions + file.Deletions;
        // GitHub gives binary files no patch and no line counts; so does a pure rename, which is not binary.
        var binary = file.Patch is null && lines == 0 && !renamed;
        return new FileChange(file.Filename, renamed ? file.PreviousFilename : null, status, file.Additions, file.Deletions, binary)
        {
            PatchUnavailable = file.Patch is null && lines > 0,
        };
    }

    /// <summary>GitHub's file status as git's: "changed" (a mode change) is git's M, "removed" is D.</summary>
    public static FileStatus Status(string? status) => status?.ToLowerInvariant() switch
    {
        "added" => FileStatus.Added,
        "removed" => FileStatus.Deleted,
        "renamed" => FileStatus.Renamed,
        "copied" => FileStatus.Copied,
        _ => FileStatus.Modified,
    };

    private static Person Person(SignaturePayload? signature) => new(signature?.Name ?? string.Empty, signature?.Email ?? string.Empty);
}
