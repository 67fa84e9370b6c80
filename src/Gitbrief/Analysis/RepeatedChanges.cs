using System.Text.RegularExpressions;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>The commits of a day that make one change area by area: the same subject under at least <see cref="Areas"/>
/// different area prefixes ("serve ftp: add serve rc interface", "serve sftp: add serve rc interface", … eight servers;
/// "[path_provider] Remove use of Pigeon's Dart test generator" in three packages). Each is one step of a change the
/// follower reads once; none tells more than the others.</summary>
internal static partial class RepeatedChanges
{
    /// <summary>So many areas given the same subject in a day make a change made area by area.</summary>
    public const int Areas = 3;

    /// <summary>The shortest subject compared: "fix typo" in three areas is no one change.</summary>
    private const int ShortestSubject = 12;

    /// <summary>For each commit that is such a step, the number of areas its subject was given that day.</summary>
    public static Dictionary<string, int> Of(IReadOnlyList<CommitRecord> day)
    {
        var steps = new Dictionary<string, int>(StringComparer.Ordinal);
        if (day.Count < Areas)
        {
            return steps;
        }
        // Only a title with an area prefix ("serve ftp: …", "[path_provider] …") is read again.
        var bySubject = day
            .Where(c => c.Title.Contains(':') || c.Title.Contains('['))
            .Select(c => (Commit: c, Reading: CommitClassifier.ScopeAndSubject(c.Title)))
            .Where(c => c.Reading.Scope is not null)
            .Select(c => (c.Commit, Scope: c.Reading.Scope!.Trim().ToLowerInvariant(), Subject: Normalised(c.Reading.Subject)))
            .Where(c => c.Subject.Length >= ShortestSubject)
            .GroupBy(c => c.Subject, StringComparer.Ordinal);
        foreach (var group in bySubject)
        {
            var areas = group.Select(c => c.Scope).Distinct(StringComparer.Ordinal).Count();
            if (areas < Areas)
            {
                continue;
            }
            foreach (var (commit, _, _) in group)
            {
                steps.TryAdd(commit.Sha, areas);
            }
        }
        return steps;
    }

    /// <summary>The subject without what differs between the steps: a pull-request number, an issue it fixes, case, a
    /// final full stop.</summary>
    private static string Normalised(string subject) =>
        Reference().Replace(subject, string.Empty).Trim().TrimEnd('.').Trim().ToLowerInvariant();

    /// <summary>"(#6398)", "- fixes #4505", "(fixes #12)".</summary>
    [GeneratedRegex(@"\(#\d+\)|\(?\s*-?\s*(fix(es|ed)?|closes?|see)\s+#\d+\)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
