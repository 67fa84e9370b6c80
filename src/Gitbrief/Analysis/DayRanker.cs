using System.Globalization;
using System.Text.RegularExpressions;
using Gitbrief.Configuration;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>Ranks a day's commits against each other: a series of features on one scope (a port, a PR series) is
/// medium as a whole, and only the strongest few commits whose high level rests on a soft signal (a changed default) stay
/// high — so a day that changes eight defaults does not make six of them high (a new capability and a fix of wrong results
/// are medium already). Security,
/// breaking changes, bundled-engine upgrades, fixes of a crash, corruption or hang, and what a reader's watch rule raised are
/// never capped.</summary>
internal sealed partial class DayRanker(ImportanceWeights weights, SignalPhrases phrases)
{
    /// <summary>Three features on one scope in a day are a series.</summary>
    private const int SeriesLength = 3;

    /// <summary>One soft high per this many commits of the day (at least one).</summary>
    private const int CommitsPerSoftHigh = 10;

    public void Rank(Dictionary<string, AnalyzedCommit> day, IReadOnlyList<CommitRecord> commits)
    {
        foreach (var (sha, steps) in BranchSteps.Of(commits))
        {
            if (day.TryGetValue(sha, out var analyzed) && IsPlainSmallStep(analyzed))
            {
                day[sha] = Demote(analyzed, ImportanceLevel.Low, new ScoreReason("branch-step", 0, phrases.BranchStep(steps)));
            }
        }
        foreach (var (sha, file) in SameDayCode.Of(commits, day).ToList())
        {
            LowerMedium(day, sha, new ScoreReason("same-day-code", 0, phrases.SameDayCode(file)));
        }
        foreach (var (sha, areas) in RepeatedChanges.Of(commits))
        {
            LowerMedium(day, sha, new ScoreReason("repeated", 0, phrases.Repeated(areas)));
        }
        var series = day
            .Where(c => c.Value.Analysis.ChangeTypes.Contains(ChangeType.Feature))
            .GroupBy(c => SeriesKey(c.Value.Analysis.Scope), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0 && g.Count() >= SeriesLength)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (sha, analyzed) in day.ToList())
        {
            if (IsSoftHigh(analyzed) && series.TryGetValue(SeriesKey(analyzed.Analysis.Scope), out var count))
            {
                day[sha] = Demote(analyzed, ImportanceLevel.Medium, new ScoreReason("series", 0, phrases.Series(analyzed.Analysis.Scope!, count)));
            }
        }
        var allowed = Math.Max(1, day.Count / CommitsPerSoftHigh);
        // A change and its backports to release branches are one breaking change.
        var breakingDay = commits
            .Where(c => day.TryGetValue(c.Sha, out var analyzed) && IsMarkedBreaking(analyzed))
            .Select(c => BackportOrNumber().Replace(c.Title, string.Empty).Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count() >= SeriesLength;
        var soft = day
            .Where(c => IsSoftHigh(c.Value) || (breakingDay && IsMarkedBreaking(c.Value)))
            .OrderByDescending(c => c.Value.Importance.Reasons.Where(r => r.Code is "type" or "size" or "files" or "scope").Sum(r => r.Points))
            .ThenByDescending(c => MeaningfulLines(c.Value))
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Skip(allowed)
            .ToList();
        foreach (var (sha, analyzed) in soft)
        {
            day[sha] = Demote(analyzed, ImportanceLevel.Medium, new ScoreReason("day-cap", 0, phrases.DayCap(allowed)));
        }
    }

    /// <summary>A medium commit a step of the day's work makes low (<paramref name="reason"/> says which), unless a hard
    /// signal or its breaking mark holds it where it is.</summary>
    private void LowerMedium(Dictionary<string, AnalyzedCommit> day, string sha, ScoreReason reason)
    {
        if (day.TryGetValue(sha, out var analyzed) && analyzed.Importance.Level == ImportanceLevel.Medium && !HeldByHardSignal(analyzed, heldBy: "breaking"))
        {
            day[sha] = Demote(analyzed, ImportanceLevel.Low, reason);
        }
    }

    /// <summary>Whether a commit is medium on its base score alone (no signal but where its files lie), changes fewer
    /// lines than a small change, and claims no fix nor feature: a fix of a step can still mend what users had, and a small
    /// feature pushed straight to the branch ("feat(table): expose getters for borders") is as often a capability users
    /// asked for as a step of a larger one.</summary>
    private bool IsPlainSmallStep(AnalyzedCommit analyzed) =>
        analyzed.Importance.Level == ImportanceLevel.Medium
        && analyzed.Importance.Signals.All(code => code is "core" or ImportanceAssessment.HoldCode)
        && !analyzed.Analysis.ChangeTypes.Any(t => t is ChangeType.Fix or ChangeType.Revert or ChangeType.Feature)
        && MeaningfulLines(analyzed) <= weights.SmallChange;

    /// <summary>Whether a high commit is high for its breaking-change marker alone (<c>feat!:</c>, <c>BREAKING CHANGE:</c>), with
    /// no security fix, bundled engine, critical fix or watch rule holding it there. On a day of three or more such commits
    /// (a major release landing: "Do not propagate nulls in `clip` bounds", "Rename struct fields of `rle` output") each
    /// breaks one function for the few who call it, and only the strongest stay high, as changed defaults do.</summary>
    private static bool IsMarkedBreaking(AnalyzedCommit analyzed) => IsHighFor(analyzed, "breaking", heldBy: null);

    /// <summary>Whether a high commit is high on the soft signal alone (a changed default), with no hard signal holding it there.</summary>
    private static bool IsSoftHigh(AnalyzedCommit analyzed) => IsHighFor(analyzed, "defaults", heldBy: "breaking");

    /// <summary>Whether a high commit is high for <paramref name="signal"/> with no hard signal holding it there: a security
    /// fix, hardening, the bundled engine, a critical fix, a reader's watch rule, or <paramref name="heldBy"/>.</summary>
    private static bool IsHighFor(AnalyzedCommit analyzed, string signal, string? heldBy)
    {
        var importance = analyzed.Importance;
        return importance.Level == ImportanceLevel.High
            && importance.Reasons.Any(r => r.Code == signal)
            && !HeldByHardSignal(analyzed, heldBy);
    }

    /// <summary>Whether a hard signal holds the commit where it is: a security fix, hardening, the bundled engine, a critical
    /// fix, a reader's watch rule, or <paramref name="heldBy"/>.</summary>
    private static bool HeldByHardSignal(AnalyzedCommit analyzed, string? heldBy) =>
        analyzed.Importance.Reasons.Any(r => r.Code is "security" or "hardening" or "engine" or "critical-fix" or "watch" || r.Code == heldBy);

    /// <summary>"(#11898)", "[PR #11892/271532ea backport][3.14]", "[3.13]": what a backport adds to the title of its change.</summary>
    [GeneratedRegex(@"\[[^\]]*\]|\(#\d+\)", RegexOptions.CultureInvariant)]
    private static partial Regex BackportOrNumber();

    private static string SeriesKey(string? scope)
    {
        if (string.IsNullOrWhiteSpace(scope))
        {
            return string.Empty;
        }
        var trimmed = scope.Trim().ToLowerInvariant();
        var end = 0;
        while (end < trimmed.Length && char.IsLetterOrDigit(trimmed[end]))
        {
            end++;
        }
        return trimmed[..end];
    }

    /// <summary>The commit moved down to <paramref name="level"/> (medium or low), with the reason carrying the points
    /// that bring the score just under the level above it. The day's verdict is the rules' own (<see cref="AnalyzedCommit.Scored"/>)
    /// as well — no reader's watch rule moved a commit the day ranks — so the LLM's prompt and its hybrid bounds start from it:
    /// a breaking change the day holds at medium is no floor the model must keep high.</summary>
    private AnalyzedCommit Demote(AnalyzedCommit analyzed, ImportanceLevel level, ScoreReason reason)
    {
        var importance = analyzed.Importance;
        var ceiling = level == ImportanceLevel.Medium ? weights.HighThreshold : weights.MediumThreshold;
        var points = Math.Min(0, ceiling - 1 - importance.Score);
        var reasons = importance.Reasons.Append(reason with { Points = points }).ToList();
        var demoted = new ImportanceAssessment(level, importance.Score + points, reasons);
        return analyzed with { Importance = demoted, Scored = analyzed.Scored.Equals(importance) ? demoted : analyzed.Scored };
    }

    /// <summary>The changed lines of the commit's meaningful files.</summary>
    private static long MeaningfulLines(AnalyzedCommit analyzed) =>
        analyzed.Files.Where(f => f.IsMeaningful).Sum(f => (long)f.Change.Additions + f.Change.Deletions);
}
