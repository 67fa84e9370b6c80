using System.Globalization;
using System.Text;
using Gitbrief.Analysis;

namespace Gitbrief.Evaluation;

/// <summary>The outcome of an evaluation: every labelled commit with both rankings (and the model's, when one was
/// asked), the figures, and a printable table.</summary>
internal sealed record EvaluationResult(IReadOnlyList<EvaluatedCommit> Commits, IReadOnlyList<string> Unlabelled)
{
    /// <summary>The name of the model asked (<c>eval --llm</c>); null when only the rules were measured.</summary>
    public string? ModelName { get; init; }

    private bool Judged => ModelName is not null && Commits.All(c => c.Model is not null);

    /// <summary>The model's level (<c>llm: importance: llm</c>); a commit whose answer failed at the rules' level.</summary>
    public LevelMetrics Llm => LevelMetrics.Of(Commits.Select(c => (c.Label, c.Model?.Llm ?? c.Rules)));

    /// <summary>The level a report shows by default with a model (<c>llm: importance: hybrid</c>).</summary>
    public LevelMetrics Hybrid => LevelMetrics.Of(Commits.Select(c => (c.Label, c.Model?.Hybrid ?? c.Rules)));

    /// <summary>The commits whose answer failed or carried no level.</summary>
    public int Failed => Commits.Count(c => c.Model?.Failure is not null);

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
        // Asked once: each asking walks every commit, and the table asks for every repository.
        var judged = Judged;
        var repositories = Commits.Select(c => c.Repository).Distinct().Order(StringComparer.Ordinal).ToList();
        text.Append(CultureInfo.InvariantCulture, $"{Commits.Count} labelled commits from {repositories.Count} {(repositories.Count == 1 ? "repository" : "repositories")}\n\n");
        text.Append("| ranking | agreement | high precision | high recall |\n|---|---|---|---|\n");
        Line(text, "gitbrief rules", Rules);
        if (judged)
        {
            Line(text, $"gitbrief llm ({ModelName})", Llm);
            Line(text, $"gitbrief hybrid ({ModelName} within the rules' bounds)", Hybrid);
        }
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
        if (judged)
        {
            var cached = Commits.Count(c => c.Model!.Cached);
            var withLines = Commits.Count(c => CapturedPatches.HasLines(c.Source.Commit));
            var failures = Failed;
            var failed = failures > 0 ? $"{failures} failed and keep the rules' level" : "none failed";
            text.Append(CultureInfo.InvariantCulture,
                $"{ModelName}: {Commits.Count - failures} of {Commits.Count} commits answered ({cached} from the store's cache), {failed}.\n"
                + $"The diff it read: the changed lines the set holds, of {withLines} of {Commits.Count} commits (none of a commit over 400 changed lines or 40 files).\n\n");
        }
        Matrix(text, "gitbrief rules", Rules);
        if (judged)
        {
            Matrix(text, "gitbrief hybrid", Hybrid);
        }
        Matrix(text, "old tool's rules", Seed);
        text.Append(judged
            ? "| repository | commits | gitbrief | hybrid | old tool |\n|---|---|---|---|---|\n"
            : "| repository | commits | gitbrief | old tool |\n|---|---|---|---|\n");
        foreach (var repository in repositories)
        {
            var of = Commits.Where(c => c.Repository == repository).ToList();
            var rules = LevelMetrics.Of(of.Select(c => (c.Label, c.Rules)));
            var seed = LevelMetrics.Of(of.Select(c => (c.Label, c.Seed)));
            var hybrid = judged ? $" {Percent(LevelMetrics.Of(of.Select(c => (c.Label, c.Model!.Hybrid))).Agreement)} |" : "";
            text.Append(CultureInfo.InvariantCulture, $"| {repository} | {of.Count} | {Percent(rules.Agreement)} |{hybrid} {Percent(seed.Agreement)} |\n");
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
            if (judged)
            {
                text.Append("\ndisagreements (label → hybrid):\n");
                foreach (var c in Commits.Where(c => c.Label != c.Model!.Hybrid))
                {
                    var model = c.Model!;
                    var said = model.Failure is { } failure ? $"no level: {failure}" : $"{Name(model.Level!.Value)} — {OneLine(model.Reason ?? "")}";
                    text.Append(CultureInfo.InvariantCulture,
                        $"- {c.Repository} {c.Sha[..7]} {Name(c.Label)} → {Name(model.Hybrid)} (rules {Name(c.Rules)}; model {said}) {c.Title}\n    label: {c.Rationale}\n");
                }
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

    /// <summary>The model's reason on one line: it is the model's text, whatever it holds.</summary>
    private static string OneLine(string text) =>
        string.Join(' ', new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Name(ImportanceLevel level) => level.ToString().ToLowerInvariant();

    private static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
