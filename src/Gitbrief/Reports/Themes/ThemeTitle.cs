using System.Globalization;
using System.Text;

namespace Gitbrief.Reports.Themes;

/// <summary>Names a theme from what its commits share, most telling first: the pull request's title; the scope or [tag]
/// and the wording that at least half of the commits have ("Package by default", "Update Rust crate", "Update … action",
/// "diffusion: warmup"); else the source file, else the component they share; else the newest commit's subject.</summary>
internal static class ThemeTitle
{
    private const int MaxLength = 80;
    private const int MaxRunTokens = 8;

    /// <summary>Words of at least this many letters share a stem; the stem is their first <see cref="StemLength"/> letters.</summary>
    private const int MinStem = 5;
    private const int StemLength = 6;

    private static readonly HashSet<string> GenericDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        "src", "lib", "include", "internal", "pkg", "core", "common", "utils", "util", "test", "tests", "python", "crates",
        "packages", "source", "app", "apps", "modules", "main", "java", "go", "cmd",
    };

    /// <summary>File names every module has ("mod.rs", "index.ts", "__init__.py"): a theme named by one says where only
    /// with its folder ("gix-tix/mod.rs").</summary>
    private static readonly HashSet<string> GenericFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mod", "lib", "main", "index", "app", "__init__", "init", "utils", "util", "helpers", "common", "types",
    };

    /// <param name="frequency">How many commits of the day carry each word signal ("word:pylock" → 3).</param>
    /// <param name="distinguish">Another theme of the day has the same title: a scope alone says which by a shared file.</param>
    public static string For(IReadOnlyList<CommitProfile> members, IReadOnlyDictionary<string, int> frequency, bool distinguish = false)
    {
        var quorum = Math.Max(2, (members.Count + 1) / 2);
        if (PullRequestTitle(members) is { } pullRequest)
        {
            return Limit(pullRequest);
        }
        var scope = SharedScope(members, quorum);
        var run = SharedWording(members, quorum, frequency);
        // Scopes stay as their authors write them ("ggml-cpu", "opencl"); a wording starts with a capital.
        var title = (scope, run) switch
        {
            ({ } s, { } r) when SaysNoMore(r, s) => s,
            ({ } s, { } r) when r.Contains(s, StringComparison.OrdinalIgnoreCase) => Capitalize(r),
            ({ } s, { } r) => $"{s}: {r}",
            // "kgo: errors.go" beside "kgo: partitioner.go": two themes of one scope are told apart by the file each shares.
            ({ } s, null) when distinguish && SharedFile(members) is { } file && !string.Equals(file, s, StringComparison.OrdinalIgnoreCase) => $"{s}: {file}",
            ({ } s, null) => s,
            (null, { } r) => Capitalize(r),
            _ => WithFile(SharedStem(members, quorum, frequency), SharedFile(members)) ?? SharedComponent(members) ?? members[0].Subject,
        };
        return Limit(title);
    }

    /// <summary>Whether a wording only repeats the scope ("example" beside the [Examples] tag).</summary>
    private static bool SaysNoMore(string wording, string scope)
    {
        var none = new HashSet<string>(StringComparer.Ordinal);
        var scopeWords = TitleTokenizer.Tokenize(scope, none).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        return TitleTokenizer.Tokenize(wording, none).Where(t => t.Kind == TokenKind.Word).All(t => scopeWords.Contains(t.Key));
    }

    private static string? PullRequestTitle(IReadOnlyList<CommitProfile> members)
    {
        var pulls = members.Select(m => m.Entry.Commit.LinkedPullRequest).ToList();
        return pulls[0] is { Title.Length: > 0 } first && pulls.All(p => p?.Number == first.Number)
            ? first.Title.Trim()
            : null;
    }

    private static string? SharedScope(IReadOnlyList<CommitProfile> members, int quorum) =>
        members
            .SelectMany((m, index) => m.Scopes.Select(s => (Scope: s, Member: index)))
            .GroupBy(s => CommitProfile.ScopeKey(s.Scope), StringComparer.Ordinal)
            .Select(g => (Scope: MostFrequentForm(g.Select(s => s.Scope)), Count: g.Select(s => s.Member).Distinct().Count(), First: g.Min(s => s.Member)))
            .Where(g => g.Count >= quorum)
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.First)
            .Select(g => g.Scope)
            .FirstOrDefault();

    /// <summary>The spelling most of them use ("UI" over "ui"), the first on a tie.</summary>
    private static string MostFrequentForm(IEnumerable<string> forms) =>
        forms.Select((form, index) => (form, index))
            .GroupBy(f => f.form, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(f => f.index))
            .First().Key;

    /// <summary>The best wording shared by at least <paramref name="quorum"/> commits: a run of consecutive title words
    /// that starts and ends on a real word ("Update Rust crate"), or two words apart ("Update … action"). A wording
    /// scores the cube of the number of commits that have it times the rarity of its distinctive words in the day (a
    /// word half the day uses tells little); on a tie the longer wording wins.</summary>
    private static string? SharedWording(IReadOnlyList<CommitProfile> members, int quorum, IReadOnlyDictionary<string, int> frequency)
    {
        var candidates = new Dictionary<string, Wording>(StringComparer.Ordinal);
        for (var m = 0; m < members.Count; m++)
        {
            var subject = members[m].Subject;
            var tokens = members[m].Tokens;
            for (var start = 0; start < tokens.Count; start++)
            {
                if (tokens[start].Kind is TokenKind.Function or TokenKind.Number)
                {
                    continue;
                }
                var key = new StringBuilder("run:");
                var rarity = 0.0;
                for (var end = start; end < tokens.Count && end - start < MaxRunTokens; end++)
                {
                    key.Append(' ').Append(tokens[end].Key);
                    rarity += Rarity(tokens, end, end > start, frequency);
                    // A run ends on a word, never on "to", "the" or a version; a generic word only after a distinctive one
                    // ("Stabilize preview features", "Prepare Tokio").
                    if (rarity > 0 && tokens[end].Kind is TokenKind.Word or TokenKind.Ideograph or TokenKind.Generic)
                    {
                        Candidate(candidates, key.ToString(), subject, tokens, start, end, rarity).Members.Add(m);
                    }
                }
            }
            // Two words in order, anything between: "Update … action", "Honor … certificate", "Filter … lockfile".
            var first = FirstIndex(tokens, t => t.Kind is TokenKind.Word or TokenKind.Generic);
            for (var i = Math.Max(0, first); first >= 0 && i < tokens.Count; i++)
            {
                if (tokens[i].Kind != TokenKind.Word && i != first)
                {
                    continue;
                }
                for (var j = i + 1; j < tokens.Count; j++)
                {
                    if (tokens[j].Kind == TokenKind.Word && tokens[j].Key != tokens[i].Key)
                    {
                        var rarity = Rarity(tokens, i, false, frequency) + Rarity(tokens, j, false, frequency);
                        Candidate(candidates, $"pair: {tokens[i].Key} {tokens[j].Key}", subject, tokens, i, j, rarity, elided: j > i + 1).Members.Add(m);
                    }
                }
            }
        }
        // A wording the rest of the day uses more than the theme does ("reword" in most titles) does not name it.
        return candidates.Values
            .Where(c => c.Members.Count >= quorum && c.Rarity * c.Members.Count >= 0.5)
            .OrderByDescending(c => c.Rarity * c.Members.Count * c.Members.Count * c.Members.Count)
            .ThenByDescending(c => c.Text.Length)
            .ThenBy(c => c.Order)
            .Select(c => c.Text)
            .FirstOrDefault();
    }

    private static int FirstIndex(IReadOnlyList<TitleToken> tokens, Func<TitleToken, bool> predicate)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (predicate(tokens[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static Wording Candidate(
        Dictionary<string, Wording> candidates, string key, string subject, IReadOnlyList<TitleToken> tokens, int start, int end, double rarity,
        bool elided = false)
    {
        if (!candidates.TryGetValue(key, out var wording))
        {
            var text = elided
                ? $"{subject[tokens[start].Start..tokens[start].End]} … {subject[tokens[end].Start..tokens[end].End]}"
                : Display(subject, tokens, start, end);
            candidates[key] = wording = new Wording(text, rarity, candidates.Count);
        }
        return wording;
    }

    /// <summary>How rare a distinctive word (or pair of ideographs ending at <paramref name="index"/>) is in the day: 1 / the
    /// number of commits using it; 0 for other words.</summary>
    private static double Rarity(IReadOnlyList<TitleToken> tokens, int index, bool pairWithPrevious, IReadOnlyDictionary<string, int> frequency)
    {
        var token = tokens[index];
        if (token.Kind == TokenKind.Word)
        {
            return 1.0 / frequency.GetValueOrDefault("word:" + token.Key, 1);
        }
        return pairWithPrevious && TitleTokenizer.IsDistinctivePair(tokens[index - 1], token)
            ? 1.0 / frequency.GetValueOrDefault("han:" + tokens[index - 1].Key + token.Key, 1)
            : 0;
    }

    private sealed record Wording(string Text, double Rarity, int Order)
    {
        public HashSet<int> Members { get; } = [];
    }

    /// <summary>The words as written, joined by their own spacing; quotes and brackets between them become a space.</summary>
    private static string Display(string subject, IReadOnlyList<TitleToken> tokens, int start, int end)
    {
        var text = new StringBuilder(subject[tokens[start].Start..tokens[start].End]);
        for (var i = start + 1; i <= end; i++)
        {
            var gap = subject[tokens[i - 1].End..tokens[i].Start];
            text.Append(gap.Length == 0 ? string.Empty : gap.All(c => c is '-' or '/' or '.' or ':' or '+') ? gap : " ")
                .Append(subject[tokens[i].Start..tokens[i].End]);
        }
        return text.ToString();
    }

    /// <summary>A word the titles share in different forms ("Add URL redaction …", "Redact credentials …"): its form in the
    /// newest commit, when its stem (the first six letters) is in at least <paramref name="quorum"/> titles and in few
    /// others of the day.</summary>
    private static string? SharedStem(IReadOnlyList<CommitProfile> members, int quorum, IReadOnlyDictionary<string, int> frequency)
    {
        var stems = members
            .SelectMany((m, index) => m.Tokens
                .Where(t => t.Kind == TokenKind.Word && t.Key.Length >= MinStem && t.Key.All(char.IsAsciiLetter))
                .Select(t => (Stem: t.Key[..Math.Min(StemLength, t.Key.Length)], Token: t, Member: index)))
            .GroupBy(s => s.Stem, StringComparer.Ordinal)
            .Select(g => (Stem: g.Key, Members: g.Select(s => s.Member).Distinct().Count(), First: g.MinBy(s => s.Member),
                Day: g.Select(s => s.Token.Key).Distinct(StringComparer.Ordinal).Sum(k => frequency.GetValueOrDefault("word:" + k, 1))))
            .Where(g => g.Members >= quorum && g.Day <= g.Members * 2)
            .OrderByDescending(g => g.Members)
            .ThenBy(g => g.Day)
            .ThenBy(g => g.Stem, StringComparer.Ordinal)
            .ToList();
        if (stems.Count == 0)
        {
            return null;
        }
        var (_, token, member) = stems[0].First;
        return Capitalize(members[member].Subject[token.Start..token.End].ToLowerInvariant());
    }

    /// <summary>"Redaction (git.rs)": the shared word, with the file they share when there is one.</summary>
    private static string? WithFile(string? word, string? file) =>
        word is null ? file : file is null || string.Equals(word, Path.GetFileNameWithoutExtension(file), StringComparison.OrdinalIgnoreCase) ? word : $"{word} ({file})";

    /// <summary>The name of the source file most of them change (test and docs files are too often shared to name a theme),
    /// or the scope one of them gives it: "scheduler" for scheduler.py when one commit is <c>feat(scheduler)</c>.</summary>
    private static string? SharedFile(IReadOnlyList<CommitProfile> members)
    {
        if (MostShared(members, "file:", SignalKind.File) is not { } path)
        {
            return null;
        }
        var stem = Path.GetFileNameWithoutExtension(path);
        return members.SelectMany(m => m.Scopes).FirstOrDefault(s => string.Equals(s, stem, StringComparison.OrdinalIgnoreCase))
               ?? (GenericFiles.Contains(stem) && NamedFolder(path) is { } folder ? $"{folder}/{Path.GetFileName(path)}" : Path.GetFileName(path));
    }

    /// <summary>The deepest folder of a path with a name of its own: "gix-tix" of "gix-tix/src/mod.rs".</summary>
    private static string? NamedFolder(string path) =>
        path.Split('/')[..^1].LastOrDefault(segment => !GenericDirectories.Contains(segment));

    private static string? SharedComponent(IReadOnlyList<CommitProfile> members)
    {
        if (MostShared(members, "dir:", SignalKind.Component) is not { } path)
        {
            return null;
        }
        var segments = path.Split('/');
        return segments.Length > 1 && GenericDirectories.Contains(segments[^1]) ? $"{segments[^2]}/{segments[^1]}" : segments[^1];
    }

    /// <summary>The signal with this prefix that most commits share (at least two; the deepest path on a tie).</summary>
    private static string? MostShared(IReadOnlyList<CommitProfile> members, string prefix, SignalKind kind) =>
        members
            .SelectMany(m => m.Signals.Where(s => s.Value == kind).Select(s => s.Key))
            .GroupBy(k => k, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Key.Count(c => c == '/'))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key[prefix.Length..])
            .FirstOrDefault();

    /// <summary>"pylock" → "Pylock"; identifiers ("uv_build", "scheduler.py") and anything not all a–z stay as written.</summary>
    private static string Capitalize(string title)
    {
        var word = title.Split(' ', 2)[0];
        return word.Length > 0 && word.All(char.IsAsciiLetterLower) ? char.ToUpperInvariant(title[0]) + title[1..] : title;
    }

    private static string Limit(string title)
    {
        var info = new StringInfo(title.Trim());
        return info.LengthInTextElements <= MaxLength ? info.String : info.SubstringByTextElements(0, MaxLength - 1).TrimEnd() + "…";
    }
}
