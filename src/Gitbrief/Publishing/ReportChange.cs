using Gitbrief.Analysis;
using Gitbrief.Rendering;
using Gitbrief.Reports;

namespace Gitbrief.Publishing;

/// <summary>What changed in a repository-day's report since it was delivered — commits that landed late, commits no
/// longer on the branch (a force-push), commits whose level changed — found by comparing the ledger's record of what
/// the delivered report listed (<see cref="Contents"/>) with the report now. Message targets send it as a short update.</summary>
internal sealed record ReportChange(IReadOnlyList<ChangedCommit> Added, IReadOnlyList<ChangedCommit> Removed, IReadOnlyList<LevelChange> Levels)
{
    private const int MaxTitle = 120;

    public static ReportChange None { get; } = new([], [], []);

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Levels.Count == 0;

    /// <summary>What a report lists, as the ledger keeps it: one line per commit, <c>sha level title</c>, in report order.</summary>
    public static string Contents(DailyReport report) =>
        string.Concat(report.Entries.Select(e => $"{e.Commit.Sha} {e.Level.ToString().ToLowerInvariant()} {MarkdownText.Rendered(e.Commit.Title)}\n"));

    /// <summary>The change from what was delivered (<paramref name="delivered"/>, as <see cref="Contents"/> wrote it; null when
    /// the delivery predates this record, which tells nothing) to <paramref name="current"/>.</summary>
    public static ReportChange Between(string? delivered, DailyReport current)
    {
        if (delivered is null)
        {
            return None;
        }
        var before = new Dictionary<string, ChangedCommit>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in delivered.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', 3);
            if (parts.Length >= 2 && Enum.TryParse<ImportanceLevel>(parts[1], ignoreCase: true, out var level) && before.TryAdd(parts[0], new ChangedCommit(parts[0], level, parts.Length == 3 ? parts[2] : "")))
            {
                order.Add(parts[0]);
            }
        }
        var now = current.Entries.Select(e => new ChangedCommit(e.Commit.Sha, e.Level, MarkdownText.Rendered(e.Commit.Title))).ToList();
        var present = now.Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);
        return new ReportChange(
            [.. now.Where(c => !before.ContainsKey(c.Sha))],
            [.. order.Where(sha => !present.Contains(sha)).Select(sha => before[sha])],
            [.. now.Where(c => before.TryGetValue(c.Sha, out var old) && old.Level != c.Level).Select(c => new LevelChange(c, before[c.Sha].Level))]);
    }

    /// <summary>One line per change, new commits first, in the report's language.</summary>
    public IReadOnlyList<string> Lines(ReportLanguage language)
    {
        var labels = Labels.For(language);
        string Commit(ChangedCommit c) => $"{c.ShortSha} {Clip(c.Title)}";
        return
        [
            .. Added.Select(c => labels.ChangeAdded(Commit(c), labels.Level(c.Level))),
            .. Removed.Select(c => labels.ChangeRemoved(Commit(c))),
            .. Levels.Select(l => labels.ChangeLevel(Commit(l.Commit), labels.Level(l.Was), labels.Level(l.Commit.Level))),
        ];
    }

    private static string Clip(string title) => Webhooks.WebhookText.Clip(title, MaxTitle);
}
