using System.Globalization;
using System.Text;
using Gitbrief.Analysis;

namespace Gitbrief.Evaluation;

/// <summary>The outcome of an evaluation: every labelled commit with both rankings, the figures, and a printable
/// table.</summary>
internal sealed record EvaluationResult(IReadOnlyList<EvaluatedCommit> Commits, IReadOnlyList<string> Unlabelled)
{
    public LevelMetrics Rules => LevelMetrics.Of(Commits.Select(c => (c.Label, c.Rules)));

    public LevelMetrics Seed => LevelMetrics.Of(Commits.Select(c => (c.Label, c.Seed)));

    /// <summary>The commits labelled twice: how the second labeller agrees with the first (the labels), and how the rules
    /// agree with the first on those same commits.</summary>
    public IReadOnlyList<EvaluatedCommit> LabelledTwice => Commits.Where(c => c.SecondLabel is not null).ToList();

    public LevelMetrics SecondLabeller => LevelMetrics.Of(LabelledTwice.Select(c => (c.Label, c.SecondLabel!.Value)));

    /// <summary>Docs-, test-, CI- or lockfile-only commits that the rules ranked high (the target is none).</summary>
    public IReadOnlyList<EvaluatedCommit> RoleOnlyHigh => Commits.Where(c => c.RoleOnly && c.Rules == ImportanceLevel.High).ToList();

    public string Format(bool listDisagreements)
    {
        var text = new StringBuilder();
        var repositories = Commits.Select(c => c.Repository).Distinct().Order(StringComparer.Ordinal).ToList();
        text.Append(CultureInfo.InvariantCulture, $"{Commits.Count} labelled commits from {repositories.Count} repositories\n\n");
        text.Append("| ranking | agreement | high precision | high recall |\n|---|---|---|---|\n");
        Line(text, "gitbrief rules", Rules);
        Line(text, "old tool's rules", Seed);
        var twice = LabelledTwice;
        if (twice.Count > 0)
        {
            Line(text, $"second labeller ({twice.Count} commits labelled twice)", SecondLabeller);
            if (twice.Count < Commits.Count)
            {
                Line(text, $"gitbrief rules on those {twice.Count}", LevelMetrics.Of(twice.Select(c => (c.Label, c.Rules))));
            }
        }
        text.Append('\n');
        Matrix(text, "gitbrief rules", Rules);
        Matrix(text, "old tool's rules", Seed);
        text.Append("| repository | commits | gitbrief | old tool |\n|---|---|---|---|\n");
        foreach (var repository in repositories)
        {
            var of = Commits.Where(c => c.Repository == repository).ToList();
            var rules = LevelMetrics.Of(of.Select(c => (c.Label, c.Rules)));
            var seed = LevelMetrics.Of(of.Select(c => (c.Label, c.Seed)));
            text.Append(CultureInfo.InvariantCulture, $"| {repository} | {of.Count} | {Percent(rules.Agreement)} | {Percent(seed.Agreement)} |\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"\ndocs/test/CI/lockfile-only commits ranked high: {RoleOnlyHigh.Count}\n");
        if (Unlabelled.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"captured but not labelled: {Unlabelled.Count}\n");
        }
        if (listDisagreements)
        {
            text.Append("\ndisagreements (label → rules):\n");
            foreach (var c in Commits.Where(c => c.Label != c.Rules))
            {
                var reasons = string.Join(", ", c.Assessment.Reasons.Where(r => r.Points != 0 || r.Code is not ("type" or "size" or "files" or "scope"))
                    .Select(r => $"{r.Code} {r.Points.ToString("+0;-0;0", CultureInfo.InvariantCulture)}"));
                text.Append(CultureInfo.InvariantCulture,
                    $"- {c.Repository} {c.Sha[..7]} {Name(c.Label)} → {Name(c.Rules)} ({c.Assessment.Score}: {reasons}) {c.Title}\n    label: {c.Rationale}\n");
            }
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, LevelMetrics m) =>
        text.Append(CultureInfo.InvariantCulture,
            $"| {name} | {Percent(m.Agreement)} ({m.Agreeing}/{m.Total}) | {Percent(m.HighPrecision)} ({m.TrueHigh}/{m.PredictedHigh}) | {Percent(m.HighRecall)} ({m.TrueHigh}/{m.LabelledHigh}) |\n");

    private static void Matrix(StringBuilder text, string name, LevelMetrics m)
    {
        text.Append(CultureInfo.InvariantCulture, $"{name}: label ↓ / ranked →\n\n| | high | medium | low |\n|---|---|---|---|\n");
        foreach (var level in new[] { ImportanceLevel.High, ImportanceLevel.Medium, ImportanceLevel.Low })
        {
            var row = LevelMetrics.Index(level);
            text.Append(CultureInfo.InvariantCulture,
                $"| {Name(level)} | {m.Confusion[row, 0]} | {m.Confusion[row, 1]} | {m.Confusion[row, 2]} |\n");
        }
        text.Append('\n');
    }

    private static string Name(ImportanceLevel level) => level.ToString().ToLowerInvariant();

    private static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
