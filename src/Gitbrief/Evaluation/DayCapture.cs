using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gitbrief.Analysis;
using Gitbrief.Reports;
using Gitbrief.Sources;

namespace Gitbrief.Evaluation;

/// <summary>Captures a repository-day (commits with their files and line counts, and the repository profile) from a git
/// repository into the evaluation format, so that the set can be evaluated later without the repository: <c>gitbrief eval capture</c>.</summary>
internal static class DayCapture
{
    public static async Task<CapturedDay> CaptureAsync(
        string directory, string repositoryName, ReportDay day, bool firstParent, CancellationToken cancellationToken)
    {
        var history = new GitHistory(directory);
        var (revision, _) = await history.ResolveBranchAsync(null, cancellationToken).ConfigureAwait(false);
        var commits = await history.ReadAsync(revision, day.Start, day.EndExclusive, firstParent, cancellationToken).ConfigureAwait(false);
        // The repository as it stood at the end of the day: its tree and its recent history up to then.
        var atDayEnd = commits.Count > 0 ? commits.MaxBy(c => c.CommittedAt)!.Sha : revision;
        var profile = await RepositoryProfile.ReadAsync(directory, atDayEnd, cancellationToken).ConfigureAwait(false);
        return new CapturedDay(
            repositoryName,
            day.IsoDate,
            day.TimeZone.Id,
            new SortedDictionary<string, int[]>(
                profile.DirectCounts.ToDictionary(p => p.Key, p => new[] { p.Value.Files, p.Value.Changes }), StringComparer.Ordinal),
            commits.Select(Capture).ToList());
    }

    private static CapturedCommit Capture(CommitRecord commit) => new(
        commit.Sha,
        commit.Parents,
        new CapturedPerson(commit.Author.Name, commit.Author.Email),
        Timestamp(commit.AuthoredAt),
        new CapturedPerson(commit.Committer.Name, commit.Committer.Email),
        Timestamp(commit.CommittedAt),
        commit.Message,
        commit.Files.Select(f => new CapturedFile(f.Path, f.OldPath, f.Status.Letter(), f.Additions, f.Deletions, f.Binary, LinesOf(commit, f.Path))).ToList());

    private static List<string>? LinesOf(CommitRecord commit, string path) =>
        commit.Lines?.Where(l => l.Path == path).Select(l => (l.Added ? "+" : "-") + l.Text).ToList();

    private static string Timestamp(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Serialize(CapturedDay day)
    {
        var options = new JsonSerializerOptions(EvaluationJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var context = new EvaluationJsonContext(options);
        return JsonSerializer.Serialize(day, context.CapturedDay).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The commit as the analysis sees it.</summary>
    public static CommitRecord ToRecord(CapturedCommit commit) => new()
    {
        Sha = commit.Sha,
        Parents = commit.Parents,
        Author = new Person(commit.Author.Name, commit.Author.Email),
        AuthoredAt = DateTimeOffset.Parse(commit.AuthoredAt, CultureInfo.InvariantCulture),
        Committer = new Person(commit.Committer.Name, commit.Committer.Email),
        CommittedAt = DateTimeOffset.Parse(commit.CommittedAt, CultureInfo.InvariantCulture),
        Message = commit.Message,
        Files = commit.Files.Select(f => new FileChange(
            f.Path, f.OldPath, FileStatusCodes.FromLetter(f.Status.Length > 0 ? f.Status[0] : '?') ?? FileStatus.Modified,
            f.Additions, f.Deletions, f.Binary)).ToList(),
        Lines = commit.Files.Any(f => f.Lines is not null)
            ? [.. commit.Files.SelectMany(f => (f.Lines ?? []).Where(l => l.Length > 0).Select(l => new ChangedLine(f.Path, l[0] == '+', l[1..])))]
            : null,
    };

    public static RepositoryProfile ToProfile(CapturedDay day) =>
        new(day.Profile.ToDictionary(p => p.Key, p => new DirectoryWeight(p.Value.ElementAtOrDefault(0), p.Value.ElementAtOrDefault(1)), StringComparer.Ordinal));

    internal static readonly Encoding Utf8NoBom = new UTF8Encoding(false);
}
