using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>The commits of a day that are steps of a branch pushed commit by commit: a title that names no pull request
/// ("#1234"), by an author who pushed at least <see cref="Steps"/> such commits that day. One small step of such a branch
/// (a helper added, a type hint, a field renamed on the way) tells a follower nothing the branch as a whole does not.</summary>
internal static class BranchSteps
{
    /// <summary>So many commits without a pull request by one author in a day make a branch pushed commit by commit.</summary>
    public const int Steps = 4;

    /// <summary>For each commit that is such a step, the number of steps its author pushed that day.</summary>
    public static Dictionary<string, int> Of(IReadOnlyList<CommitRecord> day)
    {
        var direct = day.Where(c => !NamesPullRequest(c.Title)).ToList();
        var perAuthor = direct
            .GroupBy(c => c.Author.Email, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() >= Steps)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var steps = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var commit in direct)
        {
            if (perAuthor.TryGetValue(commit.Author.Email, out var count))
            {
                steps.TryAdd(commit.Sha, count);
            }
        }
        return steps;
    }

    /// <summary>"Fix the parser (#1234)", "Merge pull request #12 from …", "[PR #11857/0a915b8f backport]".</summary>
    private static bool NamesPullRequest(string title)
    {
        for (var i = title.IndexOf('#'); i >= 0 && i + 1 < title.Length; i = title.IndexOf('#', i + 1))
        {
            if (char.IsAsciiDigit(title[i + 1]))
            {
                return true;
            }
        }
        return false;
    }
}
