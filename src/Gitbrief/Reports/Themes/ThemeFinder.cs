using Gitbrief.Analysis;

namespace Gitbrief.Reports.Themes;

/// <summary>Finds the day's themes by rules, offline and deterministically. Every pair of commits gets a score from
/// what they share: the same linked pull request or numbered series ("[Refactor 2/N]", "[1/x]": 4), scope or [tag] (3), the area
/// of a scope ("ext" of "ext/crypto", 1.5); title words — a pair of neighbouring words or
/// the opening verb with a later word (1.5 each), a distinctive word (1), a pair of Chinese characters (0.75), together
/// at most 3.5; changed files (up to 2.5, by the cosine of the two file sets); a component (0.5). Words, files and
/// components that much of the day shares count less; test and docs files count less than source. Commits are merged
/// into groups (average linkage) while two groups score at least 2 on average. Groups of two or more are themes: the
/// seven that weigh most (a high commit 4, medium 2, low 1) are kept, highest level first, then the largest. Days with
/// fewer than four commits have none.</summary>
internal static class ThemeFinder
{
    public const int MinimumCommits = 4;
    public const int MaxThemes = 7;

    /// <summary>On a huge day only this many commits (the most important) are grouped: the pairing is quadratic.</summary>
    private const int MaxGroupedCommits = 400;

    private const double Threshold = 2.0;

    /// <param name="all">The day's commits in report order (newest first).</param>
    /// <param name="repository">The repository's name ("astral-sh/uv"): its own name links no titles.</param>
    public static IReadOnlyList<ReportTheme> Find(IReadOnlyList<ReportEntry> all, string? repository)
    {
        // A reader's watch rule muted these: listed in the report, never part of a theme.
        var entries = all.Where(e => !e.Importance.Muted).ToList();
        if (entries.Count < MinimumCommits)
        {
            return [];
        }
        var grouped = entries
            .Select((entry, index) => (entry, index))
            .OrderBy(e => e.entry.Level)
            .ThenByDescending(e => e.entry.Importance.Score)
            .ThenBy(e => e.index)
            .Take(MaxGroupedCommits)
            .OrderBy(e => e.index)
            .ToList();
        var ownNames = TitleTokenizer.OwnNames(repository);
        var profiles = grouped.Select(e => CommitProfile.Of(e.entry, ownNames)).ToList();
        // How many of the day's commits carry each signal, counted in place (in the order the signals first appear).
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            foreach (var signal in profile.Signals.Keys)
            {
                frequency[signal] = frequency.GetValueOrDefault(signal) + 1;
            }
        }
        // Members are in report order, so a group's first member is its newest commit.
        // The seven that weigh most (a high commit 4, medium 2, low 1) are kept, then shown highest level first.
        var groups = Cluster(Similarities(profiles))
            .Where(g => g.Count >= 2)
            .OrderByDescending(g => g.Sum(i => Heft(profiles[i].Entry.Level)))
            .ThenBy(g => g[0])
            .Take(MaxThemes)
            .OrderBy(g => g.Min(i => profiles[i].Entry.Level))
            .ThenByDescending(g => g.Count)
            .ThenBy(g => g[0])
            .Select(g => g.Select(i => profiles[i]).ToList())
            .ToList();
        var titles = groups.Select(g => ThemeTitle.For(g, frequency)).ToList();
        var repeated = titles.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).Where(t => t.Count() > 1).Select(t => t.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return groups
            .Select((g, i) => Theme(g, repeated.Contains(titles[i]) ? ThemeTitle.For(g, frequency, distinguish: true) : titles[i]))
            .ToList();
    }

    private static int Heft(ImportanceLevel level) => level switch
    {
        ImportanceLevel.High => 4,
        ImportanceLevel.Medium => 2,
        _ => 1,
    };

    private static ReportTheme Theme(IReadOnlyList<CommitProfile> members, string title) => new()
    {
        Title = title,
        Level = members.Min(m => m.Entry.Level),
        Commits = members.Select(m => m.Entry.Commit.Sha).ToList(),
        Counts = ThemeCounts.Of(members.Select(m => m.Entry.Level)),
    };

    /// <summary>The pair scores. What the titles share adds up, to at most <see cref="MaxTitleScore"/>; the changed files
    /// count as <see cref="FileOverlap"/> of the two commits' file sets (each file weighted by its role and by how few
    /// commits of the day touch it) times <see cref="FileScore"/>; a shared component adds at most
    /// <see cref="ComponentScore"/>.</summary>
    private static double[][] Similarities(IReadOnlyList<CommitProfile> profiles)
    {
        var n = profiles.Count;
        var title = Matrix(n);
        var files = Matrix(n);
        var components = Matrix(n);
        var intent = Matrix(n);
        var norms = new double[n];
        foreach (var (kind, holders) in Holders(profiles))
        {
            var weight = Weight(kind, holders.Count, n);
            if (kind is SignalKind.File or SignalKind.SupportFile)
            {
                foreach (var i in holders)
                {
                    norms[i] += weight * weight;
                }
            }
            if (holders.Count < 2)
            {
                continue;
            }
            var target = kind switch
            {
                SignalKind.PullRequest or SignalKind.Scope or SignalKind.ParentScope => intent,
                SignalKind.File or SignalKind.SupportFile => files,
                SignalKind.Component => components,
                _ => title,
            };
            var value = kind is SignalKind.File or SignalKind.SupportFile ? weight * weight : weight;
            for (var a = 0; a < holders.Count; a++)
            {
                for (var b = a + 1; b < holders.Count; b++)
                {
                    var (i, j) = (holders[a], holders[b]);
                    target[i][j] = kind == SignalKind.Component ? Math.Max(target[i][j], value) : target[i][j] + value;
                }
            }
        }
        var similarity = Matrix(n);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var overlap = FileOverlap(files[i][j], norms[i], norms[j]);
                // "docs: mention top query by memory usage" and "vminsert: … to avoid high memory usage": a page and a change of
                // the code that share words only, not a pull request, a scope or a file, are two subjects.
                var wordsOnly = profiles[i].DocsOnly != profiles[j].DocsOnly && intent[i][j] == 0 && overlap == 0;
                similarity[i][j] = similarity[j][i] = wordsOnly
                    ? CrossKindTitleShare * Math.Min(MaxTitleScore, title[i][j])
                    : intent[i][j] + Math.Min(MaxTitleScore, title[i][j]) + (FileScore * overlap) + Math.Min(ComponentScore, components[i][j]);
            }
        }
        return similarity;
    }

    /// <summary>How much two file sets overlap, 0 to 1: the geometric mean of their cosine (which a large commit dilutes)
    /// and their overlap coefficient (the share of the smaller set that is in the other). Each set weighs at least one
    /// whole file, so a file half the day touches (a small weight) does not make two one-file commits alike.</summary>
    private static double FileOverlap(double shared, double norm, double otherNorm)
    {
        if (shared <= 0)
        {
            return 0;
        }
        var (small, large) = (Math.Max(1, Math.Min(norm, otherNorm)), Math.Max(1, Math.Max(norm, otherNorm)));
        return Math.Sqrt(shared / Math.Sqrt(small * large) * (shared / small));
    }

    private const double MaxTitleScore = 3.5;

    /// <summary>The share of the title score a docs-only commit and a change of the code keep when nothing but words ties them:
    /// never enough for a theme on its own.</summary>
    private const double CrossKindTitleShare = 0.5;
    private const double FileScore = 2.5;
    private const double ComponentScore = 0.5;

    private static double[][] Matrix(int n) => Enumerable.Range(0, n).Select(_ => new double[n]).ToArray();

    /// <summary>Each signal with the commits that carry it, in a fixed order (the signals' ordinal order): gathered in a hash
    /// table and sorted once, not kept sorted in a tree while a day's thousands of signals are added.</summary>
    private static IEnumerable<(SignalKind Kind, List<int> Holders)> Holders(IReadOnlyList<CommitProfile> profiles)
    {
        var holders = new Dictionary<string, (SignalKind Kind, List<int> Holders)>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Count; i++)
        {
            foreach (var (signal, kind) in profiles[i].Signals)
            {
                if (!holders.TryGetValue(signal, out var entry))
                {
                    holders[signal] = entry = (kind, []);
                }
                else if (kind == SignalKind.ParentScope && entry.Kind == SignalKind.Scope)
                {
                    // "fix(ext)" beside "fix(ext/crypto)": they share the area, not the scope.
                    holders[signal] = entry = (kind, entry.Holders);
                }
                entry.Holders.Add(i);
            }
        }
        var signals = holders.Keys.ToArray();
        Array.Sort(signals, StringComparer.Ordinal);
        return signals.Select(signal => holders[signal]);
    }

    /// <summary>A signal's weight; a word, file or component shared by much of the day tells less.</summary>
    private static double Weight(SignalKind kind, int holders, int commits) => kind switch
    {
        SignalKind.PullRequest => 4,
        SignalKind.Scope => 3 * ScopeShare(holders, commits),
        SignalKind.ParentScope => 1.5 * ScopeShare(holders, commits),
        SignalKind.Phrase => 1.5,
        SignalKind.Word => Math.Min(1, Math.Max(4, commits / 4.0) / holders),
        SignalKind.Ideographs => 0.75,
        SignalKind.File => Math.Min(1, 3.0 / holders),
        SignalKind.SupportFile => 0.4 * Math.Min(1, 3.0 / holders),
        _ => ComponentScore * Math.Min(1, 4.0 / holders),
    };

    /// <summary>How much of a scope's weight it keeps: all of it up to a third of the day's commits (at least four); a scope
    /// most of the day shares ("kgo" on 48 of 63 commits) is the repository's main package, not a theme.</summary>
    private static double ScopeShare(int holders, int commits) => Math.Min(1, Math.Max(4, commits / 3.0) / holders);

    /// <summary>Average-linkage agglomeration: repeatedly merges the two groups with the highest mean pair score
    /// while it is at least <see cref="Threshold"/>. Each group keeps its best partner so a merge costs O(n).</summary>
    private static List<List<int>> Cluster(double[][] similarity)
    {
        var n = similarity.Length;
        var sum = similarity.Select(row => (double[])row.Clone()).ToArray();
        var members = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToList();
        var active = Enumerable.Repeat(true, n).ToArray();
        var best = new int[n];
        var bestScore = new double[n];
        for (var i = 0; i < n; i++)
        {
            (best[i], bestScore[i]) = BestPartner(i);
        }
        while (true)
        {
            var a = -1;
            for (var i = 0; i < n; i++)
            {
                if (active[i] && best[i] >= 0 && (a < 0 || bestScore[i] > bestScore[a]))
                {
                    a = i;
                }
            }
            if (a < 0 || bestScore[a] < Threshold - 1e-9)
            {
                break;
            }
            var b = best[a];
            (a, b) = (Math.Min(a, b), Math.Max(a, b));
            members[a].AddRange(members[b]);
            members[a].Sort();
            active[b] = false;
            for (var k = 0; k < n; k++)
            {
                sum[a][k] += sum[b][k];
                sum[k][a] = sum[a][k];
            }
            (best[a], bestScore[a]) = BestPartner(a);
            for (var k = 0; k < n; k++)
            {
                if (!active[k] || k == a)
                {
                    continue;
                }
                var score = Average(k, a);
                if (best[k] == a || best[k] == b)
                {
                    (best[k], bestScore[k]) = BestPartner(k);
                }
                else if (score > bestScore[k] || (score == bestScore[k] && a < best[k]))
                {
                    (best[k], bestScore[k]) = (a, score);
                }
            }
        }
        return Enumerable.Range(0, n).Where(i => active[i]).Select(i => members[i]).ToList();

        double Average(int x, int y) => sum[x][y] / (members[x].Count * (double)members[y].Count);

        (int Partner, double Score) BestPartner(int x)
        {
            var partner = -1;
            var score = 0.0;
            for (var y = 0; y < n; y++)
            {
                if (y != x && active[y] && sum[x][y] > 0 && Average(x, y) is var average && average > score)
                {
                    (partner, score) = (y, average);
                }
            }
            return (partner, score);
        }
    }
}
