using System.Text;

namespace Gitbrief.Common;

/// <summary>Untrusted text (commit messages, model answers) made safe for one line of a report.</summary>
internal static class PlainText
{
    /// <summary>Control characters removed and every run of white space (line breaks included) folded to one
    /// space; no space at either end.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
