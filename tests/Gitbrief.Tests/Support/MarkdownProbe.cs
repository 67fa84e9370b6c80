using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gitbrief.Tests.Support;

/// <summary>A heading of a Markdown document: its level, the source after the hashes, the text GitHub shows
/// for it and the 0-based line it is on.</summary>
public sealed record MarkdownHeading(int Level, string Source, string Text, int Line);

/// <summary>A reading of generated Markdown that is just deep enough for the tests: ATX headings, link targets,
/// backslash escapes. Deliberately does not use the renderer's own helpers.</summary>
public static partial class MarkdownProbe
{
    private const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static IReadOnlyList<string> Lines(string markdown) => markdown.Split('\n');

    public static IReadOnlyList<MarkdownHeading> Headings(string markdown)
    {
        var headings = new List<MarkdownHeading>();
        var lines = Lines(markdown);
        var fenced = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }
            var match = fenced ? Match.Empty : AtxHeading().Match(lines[i]);
            if (match.Success)
            {
                var source = ClosingSequence().Replace(match.Groups["text"].Value, string.Empty).Trim();
                headings.Add(new MarkdownHeading(match.Groups["hashes"].Length, source, Unescape(source), i));
            }
        }
        return headings;
    }

    /// <summary>The anchors of all headings, computed in document order with <see cref="ReferenceSlugger"/>.</summary>
    public static IReadOnlyList<string> HeadingAnchors(string markdown)
    {
        var slugger = new ReferenceSlugger();
        return Headings(markdown).Select(h => slugger.Slug(h.Text)).ToList();
    }

    /// <summary>The targets of every <c>](#anchor)</c> link whose bracket is not escaped, without the '#'.</summary>
    public static IReadOnlyList<string> FragmentLinks(string markdown) =>
        FragmentLink().Matches(markdown).Where(m => !IsEscaped(markdown, m.Index)).Select(m => m.Groups["anchor"].Value).ToList();

    /// <summary>Every <c>](target)</c> whose bracket is not escaped: the targets the document really links to.</summary>
    public static IReadOnlyList<string> LinkTargets(string markdown) =>
        AnyLink().Matches(markdown).Where(m => !IsEscaped(markdown, m.Index)).Select(m => m.Groups["target"].Value).ToList();

    /// <summary>Whether the character at <paramref name="index"/> is preceded by an odd number of backslashes.</summary>
    public static bool IsEscaped(string text, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /// <summary>Positions of <paramref name="c"/> in <paramref name="text"/> that are not backslash-escaped.</summary>
    public static IEnumerable<int> Unescaped(string text, char c)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == c && !IsEscaped(text, i))
            {
                yield return i;
            }
        }
    }

    /// <summary>Removes CommonMark backslash escapes (a backslash before ASCII punctuation).</summary>
    public static string Unescape(string source)
    {
        var builder = new StringBuilder(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\\' && i + 1 < source.Length && AsciiPunctuation.Contains(source[i + 1], StringComparison.Ordinal))
            {
                i++;
            }
            builder.Append(source[i]);
        }
        return builder.ToString();
    }

    /// <summary>Whether <paramref name="c"/> is a CJK ideograph, kana, hangul, or CJK/full-width punctuation.</summary>
    public static bool IsCjk(Rune c) => c.Value is
        (>= 0x2E80 and <= 0x2FDF) or (>= 0x3000 and <= 0x303F) or (>= 0x3040 and <= 0x30FF) or (>= 0x3100 and <= 0x31FF)
        or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF)
        or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFFEF) or (>= 0x20000 and <= 0x3FFFF);

    /// <summary>The maximal runs of CJK characters in <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> CjkRuns(string text)
    {
        var runs = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                runs.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            runs.Add(current.ToString());
        }
        return runs;
    }

    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})(?:[ \t]+(?<text>.*?))?[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"(?<=(^|[ \t]))(?<!\\)#+[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingSequence();

    [GeneratedRegex(@"\]\(#(?<anchor>[^)\s]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex FragmentLink();

    [GeneratedRegex(@"\]\((?<target>[^)\s]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex AnyLink();
}

/// <summary>GitHub's heading-anchor rules (github-slugger), written independently of the renderer's slugger:
/// lower-case; drop every character that is not a letter, mark, number, space, hyphen or underscore; spaces
/// become hyphens; a repeated slug gets "-1", "-2", … appended.</summary>
public sealed class ReferenceSlugger
{
    private readonly Dictionary<string, int> occurrences = new(StringComparer.Ordinal);

    public string Slug(string text)
    {
        var original = BaseSlug(text);
        var result = original;
        while (occurrences.ContainsKey(result))
        {
            occurrences[original]++;
            result = original + "-" + occurrences[original].ToString(CultureInfo.InvariantCulture);
        }
        occurrences[result] = 0;
        return result;
    }

    public static string BaseSlug(string text)
    {
        var slug = new StringBuilder();
        foreach (var rune in text.ToLowerInvariant().EnumerateRunes())
        {
            if (rune.Value == ' ')
            {
                slug.Append('-');
                continue;
            }
            var keep = rune.Value is '-' or '_' || Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
                UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
                UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
                _ => false,
            };
            if (keep)
            {
                slug.Append(rune.ToString());
            }
        }
        return slug.ToString();
    }
}
