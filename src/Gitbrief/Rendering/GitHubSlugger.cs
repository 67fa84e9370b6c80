using System.Text;

namespace Gitbrief.Rendering;

/// <summary>GitHub's heading anchors: the rendered heading text lower-cased, every character that is not a
/// letter, mark, number, connector punctuation, space or hyphen removed, spaces turned into hyphens; a repeat
/// in the same document gets "-1", "-2", … appended.</summary>
internal sealed class GitHubSlugger
{
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

    public string Slug(string headingText)
    {
        var baseSlug = BaseSlug(headingText);
        var slug = baseSlug;
        if (seen.TryGetValue(baseSlug, out var count))
        {
            do
            {
                count++;
                slug = $"{baseSlug}-{count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            }
            while (seen.ContainsKey(slug));
            seen[baseSlug] = count;
        }
        seen.TryAdd(slug, 0);
        return slug;
    }

    public static string BaseSlug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.Trim().ToLowerInvariant().EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value == ' ')
            {
                builder.Append('-');
            }
            else if (rune.Value == '-' || IsWordCharacter(category))
            {
                builder.Append(rune.ToString());
            }
        }
        return builder.ToString();
    }

    private static bool IsWordCharacter(System.Globalization.UnicodeCategory category) => category switch
    {
        System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark
            or System.Globalization.UnicodeCategory.DecimalDigitNumber or System.Globalization.UnicodeCategory.LetterNumber
            or System.Globalization.UnicodeCategory.OtherNumber or System.Globalization.UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };
}
