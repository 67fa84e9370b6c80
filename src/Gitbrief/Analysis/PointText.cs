using System.Globalization;
using System.Text.RegularExpressions;

namespace Gitbrief.Analysis;

/// <summary>Whole sentences for summary points: a paragraph split where a sentence ends (not after "e.g." or
/// "vs.", not before a lower-case word, not inside "v0.4.1"), and long text clipped at a sentence or word
/// boundary with "…", never inside a word, a surrogate pair or a combined character.</summary>
internal static partial class PointText
{
    /// <summary>A squashed step that only supports the change: "test(checkpoint): …", "ci: …", "docs: …", "chore: …",
    /// "style: …", "build: …" — a Conventional-Commits title of that kind.</summary>
    public static bool IsSupportingStep(string point) => SupportingStep().IsMatch(point);

    [GeneratedRegex(@"^(?:tests?|ci|docs?|chore|style|build)(?:\([^)]*\))?!?:\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupportingStep();

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "eg", "ie", "etc", "vs", "cf", "approx", "incl", "esp", "viz", "w.r.t", "resp", "al", "fig", "mr", "mrs", "dr", "ca",
    };

    public static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsSentenceEnd(text, i))
            {
                continue;
            }
            var end = AfterClosers(text, i + 1);
            var sentence = text[start..end].Trim();
            if (sentence.Length > 1)
            {
                yield return sentence;
            }
            start = end;
            i = end - 1;
        }
        var rest = text[start..].Trim();
        if (rest.Length > 1)
        {
            yield return rest;
        }
    }

    /// <summary>At most <paramref name="max"/> text elements: whole sentences if they fill at least half of it, else
    /// whole words (cut at a space or CJK punctuation, else between CJK characters), then "…".</summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var info = new StringInfo(text);
        if (info.LengthInTextElements <= max)
        {
            return text;
        }
        var limit = info.SubstringByTextElements(0, max - 1).Length;
        var half = limit / 2;
        for (var i = limit - 1; i >= half; i--)
        {
            if (IsSentenceEnd(text, i) && AfterClosers(text, i + 1) <= limit)
            {
                var sentences = text[..AfterClosers(text, i + 1)];
                return sentences + (IsCjk(sentences[^1]) || sentences[^1] > '\u3000' ? "…" : " …");
            }
        }
        foreach (var boundary in new Func<string, int, bool>[] { IsWordBoundary, IsCjkBoundary })
        {
            for (var i = limit; i >= half; i--)
            {
                if (boundary(text, i))
                {
                    return text[..i].TrimEnd(' ', ',', ';', ':', '-', '(', '，', '、', '；', '：', '（') + "…";
                }
            }
        }
        return text[..limit] + "…";
    }

    private static bool IsSentenceEnd(string text, int i)
    {
        var c = text[i];
        if (c is '。' or '！' or '？')
        {
            return true;
        }
        if (c is not ('.' or '!' or '?'))
        {
            return false;
        }
        var next = AfterClosers(text, i + 1);
        if (next == text.Length)
        {
            return true;
        }
        if (text[next] != ' ')
        {
            return false;
        }
        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }
        if (next == text.Length)
        {
            return true;
        }
        var first = text[next];
        var starts = char.IsUpper(first) || char.IsDigit(first) || IsCjk(first) || first is '"' or '\'' or '`' or '(' or '[' or '“' or '‘';
        return starts && !(c == '.' && IsAbbreviation(text, i));
    }

    private static int AfterClosers(string text, int index)
    {
        while (index < text.Length && text[index] is '"' or '\'' or ')' or ']' or '”' or '’' or '」' or '』' or '）')
        {
            index++;
        }
        return index;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }
        return Abbreviations.Contains(text[start..dot]);
    }

    /// <summary>Whether a cut before <paramref name="i"/> falls between words: at a space or after CJK punctuation.</summary>
    private static bool IsWordBoundary(string text, int i) =>
        i > 0 && i < text.Length && (text[i] == ' ' || text[i - 1] is '，' or '、' or '；' or '：');

    /// <summary>Between two CJK characters: the cut of last resort in a CJK text without punctuation.</summary>
    private static bool IsCjkBoundary(string text, int i) => i > 0 && i < text.Length && IsCjk(text[i - 1]) && IsCjk(text[i]);

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\u3040' and <= '\u30FF';
}
