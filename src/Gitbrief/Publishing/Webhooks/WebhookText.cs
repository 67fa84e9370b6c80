using System.Globalization;
using System.Text;
using Gitbrief.Rendering;

namespace Gitbrief.Publishing.Webhooks;

/// <summary>Text helpers shared by the formatters: one-line text, cutting at text elements (never inside a
/// character, a surrogate pair or a combining sequence), UTF-8 sizes, and each platform's escaping.</summary>
internal static class WebhookText
{
    /// <summary>One line: newlines, tabs and control characters become single spaces; trimmed.</summary>
    public static string OneLine(string text) => MarkdownText.Rendered(text);

    /// <summary>At most <paramref name="max"/> UTF-16 characters, cut between text elements (never inside a
    /// surrogate pair or a combining sequence), "…" marking a cut.</summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (next > max - 1)
            {
                break;
            }
            end = next;
        }
        return text[..end] + "…";
    }

    /// <summary>Bytes of the text in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD, as it is sent).</summary>
    public static int Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>Slack mrkdwn: &amp;, &lt; and &gt; as entities (so "&lt;!channel&gt;" or "&lt;script&gt;" stay text), and a
    /// zero-width space after each of * _ ~ ` (mrkdwn has no escape character; this breaks the markers).</summary>
    public static string SlackMrkdwn(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in OneLine(text))
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '*' or '_' or '~' or '`':
                    builder.Append(c).Append('\u200B');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>A Slack link target: http(s) only, with &amp; &lt; &gt; escaped and | encoded (it would end the URL).</summary>
    public static string? SlackUrl(string? url) => Link(url)?
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("|", "%7C", StringComparison.Ordinal);

    /// <summary>Markdown (DingTalk, WeCom): every Markdown punctuation backslash-escaped, one line.</summary>
    public static string Markdown(string text) => MarkdownText.Inline(text);

    /// <summary>A link target: http(s) only, with characters that could end a Markdown link encoded; null otherwise.</summary>
    public static string? Link(string? url) => MarkdownText.Url(url);
}
