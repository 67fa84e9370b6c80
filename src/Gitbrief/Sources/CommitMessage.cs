using System.Globalization;
using System.Text.RegularExpressions;

namespace Gitbrief.Sources;

/// <summary>Reading the parts of a commit message: title, body, trailers, PR reference.</summary>
internal static partial class CommitMessage
{
    /// <summary>The first line of the message that is not blank, trimmed; empty when there is none. Only the title
    /// becomes a string.</summary>
    public static string Title(string message)
    {
        for (var rest = message.AsSpan(); !rest.IsEmpty;)
        {
            var end = rest.IndexOf('\n');
            var trimmed = (end < 0 ? rest : rest[..end]).Trim();
            if (!trimmed.IsEmpty)
            {
                return trimmed.Length == message.Length ? message : trimmed.ToString();
            }
            rest = end < 0 ? [] : rest[(end + 1)..];
        }
        return string.Empty;
    }

    /// <summary>The message without its title line and without trailers such as Signed-off-by.</summary>
    public static IReadOnlyList<string> BodyLines(string message)
    {
        var lines = message.Split('\n').Select(l => l.TrimEnd()).ToList();
        var titleIndex = lines.FindIndex(l => l.Trim().Length > 0);
        if (titleIndex < 0)
        {
            return [];
        }
        return lines.Skip(titleIndex + 1).Where(l => !IsTrailer(l)).ToList();
    }

    /// <summary>The non-empty lines of the message except Signed-off-by / Co-authored-by trailers.</summary>
    public static IReadOnlyList<string> DisplayLines(string message) =>
        message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !IsTrailer(l)).ToList();

    public static bool IsTrailer(string line) => TrailerPattern().IsMatch(line.Trim());

    public static int? PullRequestNumber(string title)
    {
        var match = PullRequestPattern().Match(title);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }

    /// <summary>The title without its trailing pull request number ("drop support (#16402)" → "drop support ").</summary>
    public static string WithoutPullRequestNumber(string title) => PullRequestPattern().Replace(title, string.Empty);

    [GeneratedRegex(@"^(Signed-off-by|Co-authored-by|Co-Authored-By|Reviewed-by|Acked-by|Tested-by|Reported-by|Suggested-by|Cc|Change-Id)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"\(#(\d{1,9})\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PullRequestPattern();
}
