using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>The reader's <c>watch:</c> rules of one repository — the global ones, then the repository's own —
/// applied to a verdict after everything else (rules, LLM, hybrid bounds). Every matching rule applies in that
/// order to the result of the ones before, so when a raise and a lower disagree the later rule wins (a
/// repository's rule over a global one, then the rule written further down); rules that agree both hold
/// (raise: medium then lower: medium is exactly medium). Each match adds a "watch" reason naming its path
/// pattern and/or keyword.</summary>
internal sealed class WatchRules
{
    private readonly IReadOnlyList<CompiledRule> rules;

    public WatchRules(IEnumerable<WatchRule> rules) => this.rules = rules.Select(r => new CompiledRule(r)).ToList();

    public static WatchRules None { get; } = new([]);

    public bool IsEmpty => rules.Count == 0;

    public ImportanceAssessment Apply(
        ImportanceAssessment importance, CommitRecord commit, IReadOnlyList<ClassifiedFile> files, ImportanceWeights weights, ReportLanguage language)
    {
        if (rules.Count == 0)
        {
            return importance;
        }
        var phrases = VerdictPhrases.For(language);
        var message = new Lazy<string>(() => Normalize(commit.Message));
        foreach (var rule in rules)
        {
            if (rule.Match(files, message, phrases) is not { } evidence)
            {
                continue;
            }
            var level = rule.Rule.Effect switch
            {
                WatchEffect.Raise => importance.Level.AtLeast(rule.Rule.Level),
                WatchEffect.Lower => importance.Level.AtMost(rule.Rule.Level),
                _ => ImportanceLevel.Low,
            };
            var muted = rule.Rule.Effect switch
            {
                WatchEffect.Mute => true,
                WatchEffect.Raise => false,
                _ => importance.Muted,
            };
            importance = importance.Settle(level, VerdictPhrases.Codes.Watch, phrases.Watch(evidence, rule.Rule.Effect, rule.Rule.Level), weights)
                with { Muted = muted };
        }
        return importance;
    }

    /// <summary>Lower case, every run of white space one space: keywords match across line breaks.</summary>
    private static string Normalize(string text) => Common.PlainText.Fold(text).ToLowerInvariant();

    private sealed class CompiledRule(WatchRule rule)
    {
        private readonly IReadOnlyList<WatchGlob> globs = rule.Paths.Select(WatchGlob.Parse).ToList();
        private readonly IReadOnlyList<(string Written, string Normalized)> keywords =
            rule.Keywords.Select(k => (k.Trim(), Normalize(k))).Where(k => k.Item2.Length > 0).ToList();

        public WatchRule Rule { get; } = rule;

        /// <summary>What matched (the first pattern and keyword that did), or null when the rule does not apply.</summary>
        public string? Match(IReadOnlyList<ClassifiedFile> files, Lazy<string> message, VerdictPhrases phrases)
        {
            var evidence = new List<string>();
            if (globs.Count > 0)
            {
                if (PathEvidence(files) is not { } pattern)
                {
                    return null;
                }
                evidence.Add(phrases.WatchPath(pattern));
            }
            if (keywords.Count > 0)
            {
                var text = message.Value;
                var keyword = keywords.FirstOrDefault(k => ContainsWord(text, k.Normalized)).Written;
                if (keyword is null)
                {
                    return null;
                }
                evidence.Add(phrases.WatchKeyword(keyword));
            }
            return string.Join(phrases.EvidenceSeparator, evidence);
        }

        /// <summary>Raise: the first pattern some changed file matches. Lower and mute: the first pattern of the first
        /// file, when every changed file matches some pattern (a commit that also touches other files is left alone).</summary>
        private string? PathEvidence(IReadOnlyList<ClassifiedFile> files)
        {
            if (files.Count == 0)
            {
                return null;
            }
            if (Rule.Effect == WatchEffect.Raise)
            {
                return globs.FirstOrDefault(g => files.Any(f => Matches(g, f.Change)))?.Pattern;
            }
            string? first = null;
            foreach (var file in files)
            {
                var glob = globs.FirstOrDefault(g => Matches(g, file.Change));
                if (glob is null)
                {
                    return null;
                }
                first ??= glob.Pattern;
            }
            return first;
        }

        private static bool Matches(WatchGlob glob, FileChange change) =>
            glob.Matches(change.Path) || (change.OldPath is { } old && glob.Matches(old));

        /// <summary>Whole words where the keyword starts or ends with a Latin letter or digit ("fix" is not in "prefix");
        /// anywhere otherwise (Chinese has no spaces between words).</summary>
        private static bool ContainsWord(string text, string keyword)
        {
            for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal))
            {
                var end = at + keyword.Length;
                var startsClean = !IsWordChar(keyword[0]) || at == 0 || !IsWordChar(text[at - 1]);
                var endsClean = !IsWordChar(keyword[^1]) || end == text.Length || !IsWordChar(text[end]);
                if (startsClean && endsClean)
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
    }
}
