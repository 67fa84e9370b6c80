using System.Globalization;
using System.Text;

namespace Gitbrief.Reports.Themes;

/// <summary>Splits a commit title's subject (the title without its type, scope and pull-request suffix) into words:
/// letters, digits and inner <c>- _ .</c> make a word (<c>metadata-free</c>, <c>uv_build</c>, <c>sglang.utils</c>);
/// each Han or kana character is a word of its own; everything else separates words.</summary>
internal static class TitleTokenizer
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "for", "with", "without", "from", "by", "at", "as",
        "is", "are", "was", "were", "be", "been", "being", "into", "onto", "via", "per", "than", "then", "that", "this", "these",
        "those", "it", "its", "when", "while", "if", "else", "not", "no", "do", "does", "don't", "can", "could", "should", "would",
        "will", "may", "might", "must", "so", "such", "up", "down", "out", "over", "under", "about", "across", "after", "before",
        "between", "during", "through", "within", "also", "only", "just", "still", "even", "more", "most", "less", "very", "too",
        "again", "all", "any", "both", "each", "every", "some", "other", "another", "our", "your", "their", "we", "you", "they",
        "there", "here", "what", "which", "who", "how", "why", "where", "etc", "vs", "instead", "always", "never", "now",
        "against", "around", "along", "among", "behind", "beyond", "toward", "towards", "upon", "until", "since", "because",
        "whether", "though", "although", "despite", "except", "unlike",
    };

    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "add", "adds", "added", "adding", "fix", "fixes", "fixed", "fixing", "update", "updates", "updated", "updating",
        "bump", "bumps", "bumped", "remove", "removes", "removed", "removing", "delete", "deletes", "deleted", "drop", "drops",
        "dropped", "improve", "improves", "improved", "improvement", "improvements", "make", "makes", "made", "use", "uses", "used",
        "using", "support", "supports", "supported", "change", "changes", "changed", "allow", "allows", "allowed", "enable",
        "enables", "enabled", "disable", "disables", "disabled", "implement", "implements", "implemented", "handle", "handles",
        "handled", "refactor", "refactors", "refactored", "refactoring", "cleanup", "clean", "minor", "small", "tiny", "various",
        "misc", "new", "initial", "feat", "feature", "chore", "doc", "docs", "test", "tests", "testing", "ci", "build", "perf",
        "style", "deps", "wip", "merge", "merged", "pull", "request", "branch", "main", "master", "pr", "issue", "issues", "revert",
        "reverts", "reverted", "bug", "bugs", "bugfix", "correct", "correctly", "properly", "set", "get", "ensure", "ensures",
        "missing", "better", "first", "try", "tweak", "tweaks", "adjust", "adjusts", "move", "moves", "moved", "rename", "renames",
        "renamed", "code", "file", "files", "unused", "case", "cases", "high", "low",
    };

    // Han function characters and two-character verbs every commit uses.
    private const string FunctionIdeographs = "的了在和与及是为对中时把将从到被等或并也就都而";

    private static readonly HashSet<string> GenericIdeographPairs = new(StringComparer.Ordinal)
    {
        "修复", "修正", "新增", "添加", "增加", "支持", "更新", "优化", "移除", "删除", "实现", "修改", "调整", "重构", "改进", "完善",
        "问题", "功能", "代码", "文件", "测试", "文档", "使用", "提交", "合并",
    };

    /// <param name="ownNames">The repository's own name ("uv", "tokio"), lower case: in every other title, so generic.</param>
    public static IReadOnlyList<TitleToken> Tokenize(string text, IReadOnlySet<string> ownNames)
    {
        var tokens = new List<TitleToken>();
        var i = 0;
        while (i < text.Length)
        {
            var rune = Rune.GetRuneAt(text, i);
            if (IsIdeograph(rune))
            {
                var key = rune.ToString();
                tokens.Add(new TitleToken(key, FunctionIdeographs.Contains(key, StringComparison.Ordinal) ? TokenKind.Function : TokenKind.Ideograph, i, i + rune.Utf16SequenceLength));
                i += rune.Utf16SequenceLength;
                continue;
            }
            if (!Rune.IsLetterOrDigit(rune))
            {
                i += rune.Utf16SequenceLength;
                continue;
            }
            var start = i;
            var end = i;
            while (i < text.Length)
            {
                var next = Rune.GetRuneAt(text, i);
                if (Rune.IsLetterOrDigit(next) && !IsIdeograph(next))
                {
                    i += next.Utf16SequenceLength;
                    end = i;
                }
                else if (next.Value is '-' or '_' or '.' or '\'' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }
            tokens.Add(Word(text[start..end], start, end, ownNames));
        }
        return tokens;
    }

    /// <summary>The names a repository goes by in its own titles: the last part of "astral-sh/uv" → "uv".</summary>
    public static IReadOnlySet<string> OwnNames(string? repository)
    {
        var name = (repository ?? string.Empty).TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return name.Length == 0 ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal) { name };
    }

    /// <summary>Whether two adjacent ideographs form a distinctive word (neither a function character, not a generic verb).</summary>
    public static bool IsDistinctivePair(TitleToken first, TitleToken second) =>
        first.Kind == TokenKind.Ideograph && second.Kind == TokenKind.Ideograph && first.End == second.Start
        && !GenericIdeographPairs.Contains(first.Key + second.Key);

    private static TitleToken Word(string word, int start, int end, IReadOnlySet<string> ownNames)
    {
        var lower = word.ToLowerInvariant();
        var kind = FunctionWords.Contains(lower) || (lower.Length == 1 && !char.IsDigit(lower[0])) || IsHost(lower) ? TokenKind.Function
            : GenericWords.Contains(lower) || ownNames.Contains(lower) ? TokenKind.Generic
            : IsNumber(lower) ? TokenKind.Number
            : TokenKind.Word;
        return new TitleToken(kind == TokenKind.Word ? Singular(lower) : lower, kind, start, end);
    }

    /// <summary>A host name in a module path ("github.com/…", "golang.org/x/…"): every Go dependency bump has one.</summary>
    private static bool IsHost(string word) =>
        word.Contains('.', StringComparison.Ordinal) && word[(word.LastIndexOf('.') + 1)..] is "com" or "org" or "io" or "in" or "net" or "dev";

    /// <summary>A number or a version: no letters, or a 'v' followed by digits and dots ("v0.2.34", "0.11.x").</summary>
    private static bool IsNumber(string word)
    {
        if (!word.Any(char.IsLetter))
        {
            return true;
        }
        var rest = word.StartsWith('v') ? word[1..] : word;
        return rest.Length > 0 && char.IsAsciiDigit(rest[0]) && rest.All(c => char.IsAsciiDigit(c) || c is '.' or 'x' or '-' or '_');
    }

    /// <summary>A crude English singular, enough to match "kernels" with "kernel" and "entries" with "entry".</summary>
    private static string Singular(string word)
    {
        if (word.Length <= 4 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }
        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }
        return word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
               && !word.EndsWith("is", StringComparison.Ordinal)
            ? word[..^1]
            : word;
    }

    private static bool IsIdeograph(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter
        && (rune.Value is >= 0x3040 and <= 0x30FF // kana
            or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3134F);
}
