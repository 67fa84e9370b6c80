using System.Buffers;
using System.Globalization;
using System.Text;

namespace Gitbrief.Rendering;

/// <summary>Makes untrusted text (commit messages, names, paths) safe inside Markdown: it renders as the same
/// literal text and can never open a table cell, heading, list, link, image, emphasis, code span or HTML tag.</summary>
internal static class MarkdownText
{
    private const string Significant = "\\`*_[]<>|~&#$";

    private static readonly SearchValues<char> SignificantCharacters = SearchValues.Create(Significant);

    /// <summary>The characters <see cref="Rendered"/> drops or turns into a space: bidirectional controls, control
    /// characters, line and paragraph separators, and every white space but the plain space.</summary>
    private static readonly SearchValues<char> Unrendered = SearchValues.Create(UnrenderedCharacters());

    private static string UnrenderedCharacters()
    {
        var characters = new StringBuilder();
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            if (BidiControls.Is(c) || char.IsControl(c) || c is '\u2028' or '\u2029' || (char.IsWhiteSpace(c) && c != ' '))
            {
                characters.Append(c);
            }
        }
        return characters.ToString();
    }

    /// <summary>Escapes inline text; newlines and control characters become spaces.</summary>
    public static string Inline(string text)
    {
        var plain = Rendered(text);
        if (!plain.AsSpan().ContainsAny(SignificantCharacters))
        {
            return NeutraliseBlockStart(plain);
        }
        var builder = new StringBuilder(plain.Length + 16);
        foreach (var c in plain)
        {
            if (Significant.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return NeutraliseBlockStart(builder.ToString());
    }

    /// <summary>A leading "-", "+", "=", ">" or "1." would start a list, a setext heading or a quote.</summary>
    private static string NeutraliseBlockStart(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        if (text[0] is '-' or '+' or '=' or '>')
        {
            return "\\" + text;
        }
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        if (digits > 0 && digits < text.Length && text[digits] is '.' or ')')
        {
            return text[..digits] + "\\" + text[digits..];
        }
        return text;
    }

    /// <summary>The text GitHub shows for <see cref="Inline"/>'s output: what a heading anchor is computed from.
    /// One line (newlines and control characters become single spaces), without bidirectional controls.</summary>
    public static string Rendered(string text)
    {
        // Most text (a title, a summary point, a path) is one line of single spaces already: it is its own rendering.
        if (!text.AsSpan().ContainsAny(Unrendered) && !text.StartsWith(' ') && !text.EndsWith(' ')
            && !text.Contains("  ", StringComparison.Ordinal))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (BidiControls.Is(c))
            {
                continue;
            }
            if (char.IsControl(c) || c is '\u2028' or '\u2029' || char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Cuts to <paramref name="max"/> text elements (never inside a surrogate pair or a combined character).</summary>
    public static string Truncate(string text, int max)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= max ? text : info.SubstringByTextElements(0, max) + "...";
    }

    /// <summary>A link target: only http(s) URLs are emitted, with characters that could end the link encoded.</summary>
    public static string? Url(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }
        return uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
    }
}
