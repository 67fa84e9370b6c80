using System.Buffers;
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

    /// <summary>UTF-8 JSON with each of them written as a \uXXXX escape: the same JSON value, but no raw control
    /// in the file (they can only occur inside strings, where the escape means the same character). Returns
    /// <paramref name="json"/> itself when it has none.</summary>
    public static byte[] EscapeInJson(byte[] json)
    {
        var at = NextInUtf8(json, 0, out var control, out var length);
        if (at < 0)
        {
            return json;
        }
        var escaped = new ArrayBufferWriter<byte>(json.Length + 16);
        var copied = 0;
        for (; at >= 0; at = NextInUtf8(json, copied, out control, out length))
        {
            escaped.Write(json.AsSpan(copied, at - copied));
            escaped.Write(Encoding.ASCII.GetBytes("\\u" + ((int)control).ToString("X4", CultureInfo.InvariantCulture)));
            copied = at + length;
        }
        escaped.Write(json.AsSpan(copied));
        return escaped.WrittenSpan.ToArray();
    }

    /// <summary>Where the next of them is encoded in <paramref name="utf8"/> at or after <paramref name="from"/> (-1 when
    /// none is), which one, and its length in bytes.</summary>
    private static int NextInUtf8(byte[] utf8, int from, out char control, out int length)
    {
        // Every one of them starts with 0xD8 (U+061C) or 0xE2 (U+200E…U+2069); most JSON has neither byte.
        for (var i = from; i < utf8.Length; i++)
        {
            var found = utf8.AsSpan(i).IndexOfAny((byte)0xD8, (byte)0xE2);
            if (found < 0)
            {
                break;
            }
            i += found;
            if (Rune.DecodeFromUtf8(utf8.AsSpan(i), out var rune, out var consumed) == OperationStatus.Done && rune.IsBmp && Is((char)rune.Value))
            {
                (control, length) = ((char)rune.Value, consumed);
                return i;
            }
        }
        (control, length) = ('\0', 0);
        return -1;
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
