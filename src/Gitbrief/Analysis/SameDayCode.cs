using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>The commits of a day that change only code an earlier commit of the same day created: a fix, a step or an
/// increment of something that landed hours before ("[NSA] Fix bad offsets" after "[NSA] Add the parallel kernel", "Add
/// null" after "Add gen_json") changes nothing a user had yesterday; a follower learns of it from the commit that created
/// the code.</summary>
internal static class SameDayCode
{
    /// <summary>For each such commit, one of the source files it changes (the first in path order), created earlier that
    /// day. The day's commits are taken in commit-time order, git's newest-first listing breaking ties.</summary>
    public static IEnumerable<(string Sha, string File)> Of(IReadOnlyList<CommitRecord> commits, IReadOnlyDictionary<string, AnalyzedCommit> day)
    {
        var created = new HashSet<string>(StringComparer.Ordinal);
        var ordered = commits.Select((commit, index) => (commit, index))
            .OrderBy(c => c.commit.CommittedAt)
            .ThenByDescending(c => c.index);
        foreach (var (commit, _) in ordered)
        {
            if (day.TryGetValue(commit.Sha, out var analyzed) && SourceOf(analyzed) is { Count: > 0 } source
                && source.All(created.Contains))
            {
                yield return (commit.Sha, source.Min(StringComparer.Ordinal)!);
            }
            foreach (var file in commit.Files)
            {
                // A file created today and renamed today is still today's code.
                if (file.Status == FileStatus.Added || file.Status == FileStatus.Renamed && file.OldPath is { } old && created.Contains(old))
                {
                    created.Add(file.Path);
                }
            }
        }
    }

    private static List<string> SourceOf(AnalyzedCommit analyzed) =>
        analyzed.Files.Where(f => f.Role == FileRole.Source && !CommitSignals.InExampleFolder(f.Change.Path)).Select(f => f.Change.Path).ToList();
}
