using System.Globalization;
using Gitbrief.Configuration;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>Ranks a day's commits against each other: a series of features on one scope (a port, a PR series) is
/// medium as a whole, and only the strongest few commits whose high level rests on a soft signal (a changed default, a
/// severe fix) stay high — so a day of eight fixes does not make six of them high (a new capability is medium already). Security,
/// breaking changes, bundled-engine upgrades, fixes of a crash, corruption or hang, and what a reader's watch rule raised are
/// never capped.</summary>
internal sealed class DayRanker(ImportanceWeights weights, SignalPhrases phrases)
{
    /// <summary>Three features on one scope in a day are a series.</summary>
    private const int SeriesLength = 3;

    /// <summary>One soft high of each kind per this many commits of the day (at least one).</summary>
    private const int CommitsPerSoftHigh = 10;

    /// <summary>A change this many times larger than a fix of the same files carries the fix.</summary>
    private const int LargerBy = 5;

    private static readonly string[] SoftSignals = ["severe-fix", "defaults"];

    public void Rank(Dictionary<string, AnalyzedCommit> day)
    {
        // A fix of what a larger change of the same day touched is part of that change and not above it: "Fix broken
        // refactor" after the feature it repairs.
        foreach (var (sha, analyzed) in day.ToList())
        {
            if (SoftHigh(analyzed) == "severe-fix" && FollowsUp(sha, analyzed, day) is { } larger)
            {
                day[sha] = Demote(analyzed, new ScoreReason("same-day", 0, phrases.SameDay(larger[..Math.Min(7, larger.Length)])));
            }
        }
        var series = day
            .Where(c => c.Value.Analysis.ChangeTypes.Contains(ChangeType.Feature))
            .GroupBy(c => SeriesKey(c.Value.Analysis.Scope), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0 && g.Count() >= SeriesLength)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (sha, analyzed) in day.ToList())
        {
            if (SoftHigh(analyzed) is not null && series.TryGetValue(SeriesKey(analyzed.Analysis.Scope), out var count))
            {
                day[sha] = Demote(analyzed, new ScoreReason("series", 0, phrases.Series(analyzed.Analysis.Scope!, count)));
            }
        }
        var allowed = Math.Max(1, day.Count / CommitsPerSoftHigh);
        // Each kind has its own allowance: a day's genuine core fix does not push out its genuine new capability.
        var soft = day
            .Where(c => SoftHigh(c.Value) is not null)
            .GroupBy(c => SoftHigh(c.Value), StringComparer.Ordinal)
            .SelectMany(kind => kind
                .OrderByDescending(c => c.Value.Importance.Reasons.Where(r => r.Code is "type" or "size" or "files" or "scope").Sum(r => r.Points))
                .ThenByDescending(c => c.Value.Files.Where(f => f.IsMeaningful).Sum(f => (long)f.Change.Additions + f.Change.Deletions))
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .Skip(allowed))
            .ToList();
        foreach (var (sha, analyzed) in soft)
        {
            day[sha] = Demote(analyzed, new ScoreReason("day-cap", 0, phrases.DayCap(allowed)));
        }
    }

    /// <summary>The larger commit of the day below high that changed every product file <paramref name="analyzed"/>
    /// changes and added one of them, or null.</summary>
    private static string? FollowsUp(string sha, AnalyzedCommit analyzed, Dictionary<string, AnalyzedCommit> day)
    {
        var product = ProductFiles(analyzed);
        if (product.Count == 0)
        {
            return null;
        }
        var lines = analyzed.Files.Where(f => f.IsMeaningful).Sum(f => (long)f.Change.Additions + f.Change.Deletions);
        return day
            .Where(c => c.Key != sha && c.Value.Importance.Level != ImportanceLevel.High)
            .Where(c => c.Value.Files.Where(f => f.IsMeaningful).Sum(f => (long)f.Change.Additions + f.Change.Deletions) > LargerBy * lines)
            .Where(c => product.IsSubsetOf(ProductFiles(c.Value)))
            // The larger change brought something new the fix repairs: it added one of the fix's files.
            .Where(c => c.Value.Files.Any(f => f.Change.Status == FileStatus.Added && product.Contains(f.Change.Path)))
            .Select(c => c.Key)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static HashSet<string> ProductFiles(AnalyzedCommit analyzed) =>
        analyzed.Files.Where(f => f.IsMeaningful && f.Role is not (FileRole.Docs or FileRole.Test or FileRole.CI))
            .Select(f => f.Change.Path).ToHashSet(StringComparer.Ordinal);

    /// <summary>The soft signal a high commit rests on, or null when it is not high or a hard signal holds it there.</summary>
    private static string? SoftHigh(AnalyzedCommit analyzed)
    {
        var importance = analyzed.Importance;
        if (importance.Level != ImportanceLevel.High || importance.Reasons.Any(r => r.Code is "breaking" or "security" or "hardening" or "engine" or "critical-fix" or "watch"))
        {
            return null;
        }
        return importance.Reasons.Select(r => r.Code).FirstOrDefault(code => SoftSignals.Contains(code));
    }

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

    /// <summary>The commit made medium, with the reason carrying the points that close the gap.</summary>
    private AnalyzedCommit Demote(AnalyzedCommit analyzed, ScoreReason reason)
    {
        var importance = analyzed.Importance;
        var points = Math.Min(0, weights.HighThreshold - 1 - importance.Score);
        var reasons = importance.Reasons.Append(reason with { Points = points }).ToList();
        return analyzed with { Importance = new ImportanceAssessment(ImportanceLevel.Medium, importance.Score + points, reasons) };
    }
}
