using Gitbrief.Analysis;
using Gitbrief.Configuration;
using Gitbrief.Sources;

namespace Gitbrief.Evaluation;

/// <summary>Ranks every captured day of an evaluation set with Gitbrief's rules (the same analyzer and day ranking
/// as a report) and with the old tool's rules, and compares both with the hand labels.</summary>
internal static class Evaluator
{
    public static EvaluationResult Evaluate(EvaluationSet set, ImportanceWeights weights)
    {
        var rows = new List<EvaluatedCommit>();
        var unlabelled = new List<string>();
        foreach (var day in set.Days.OrderBy(d => d.Repository, StringComparer.Ordinal).ThenBy(d => d.Date, StringComparer.Ordinal))
        {
            var analyzer = new RulesAnalyzer(weights, ReportLanguage.En, profile: DayCapture.ToProfile(day));
            var commits = day.Commits.Select(DayCapture.ToRecord).ToList();
            var analyses = analyzer.AnalyzeDay(commits);
            foreach (var commit in commits)
            {
                if (!set.Labels.TryGetValue(commit.Sha, out var label))
                {
                    unlabelled.Add($"{day.Repository} {commit.ShortSha} {commit.Title}");
                    continue;
                }
                var analyzed = analyses[commit.Sha];
                rows.Add(new EvaluatedCommit(
                    day.Repository,
                    commit.Sha,
                    commit.Title,
                    Parse(label.Level),
                    label.Rationale,
                    analyzed.Importance.Level,
                    SeedRules.Rank(commit),
                    analyzed.Importance,
                    IsRoleOnly(commit, analyzed.Files),
                    set.SecondLabels.TryGetValue(commit.Sha, out var second) ? Parse(second.Level) : null)
                {
                    Source = (commit, analyzed),
                });
            }
        }
        return new EvaluationResult(rows, unlabelled);
    }

    /// <summary>Docs-, test-, CI-only, or only lockfiles / generated / binary files. Vendored code and a moved submodule are
    /// none of these: they are what the product builds.</summary>
    private static bool IsRoleOnly(CommitRecord commit, IReadOnlyList<ClassifiedFile> files)
    {
        var meaningful = files.Where(f => f.IsMeaningful).ToList();
        return files.Count > 0 && (meaningful.Count == 0 || meaningful.All(f => f.Role is FileRole.Docs or FileRole.Test or FileRole.CI))
            && !files.Any(f => f.Role == FileRole.Vendored)
            && !Submodule.ProductMovedIn(commit, files).Any();
    }

    private static ImportanceLevel Parse(string level) => level switch
    {
        "high" => ImportanceLevel.High,
        "medium" => ImportanceLevel.Medium,
        _ => ImportanceLevel.Low,
    };
}
