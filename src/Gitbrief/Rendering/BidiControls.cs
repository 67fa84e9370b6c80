using System.Globalization;
using System.Text;

namespace Gitbrief.Rendering;

/// <summary>The invisible characters that reorder the text around them (U+202A–202E embeddings and overrides,
/// U+2066–2069 isolates, U+200E/200F and U+061C marks): in a commit title they make "txt.exe" display as
/// "exe.txt" ("Trojan Source"). Every rendering strips them — Markdown and chat text through
/// <see cref="MarkdownText.Rendered"/>, HTML through the site's escaper, Atom, the search index, mail — and
/// the JSON report, which keeps commit text as data, writes them as \u escapes, never raw.</summary>
public static class BidiControls
{
    public static bool Is(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The text without them (the same instance when it has none).</summary>
    public static string Strip(string text)
    {
        var first = IndexOf(text);
        if (first < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (!Is(text[i]))
            {
                builder.Append(text[i]);
            }
        }
        return builder.ToString();
    }

    /// <summary>JSON text with each of them written as a \uXXXX escape: the same JSON value, but no raw control
    /// in the file (they can only occur inside strings, where the escape means the same character).</summary>
    public static string EscapeInJson(string json)
    {
        var first = IndexOf(json);
        if (first < 0)
        {
            return json;
        }
        var builder = new StringBuilder(json.Length + 16);
        builder.Append(json, 0, first);
        for (var i = first; i < json.Length; i++)
        {
            var c = json[i];
            if (Is(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static int IndexOf(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Is(text[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
