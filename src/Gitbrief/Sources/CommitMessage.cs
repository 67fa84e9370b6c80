using System.Globalization;
using System.Text.RegularExpressions;

namespace Gitbrief.Sources;

/// <summary>Reading the parts of a commit message: title, body, trailers, PR reference.</summary>
internal static partial class CommitMessage
{
    /// <summary>The first line of the message that is not blank, trimmed; empty when there is none. Only the title
    /// becomes a string. For a pull request merged or backported as a commit of its own, whose first line is GitHub's
    /// wrapper ("Merge pull request #12 from owner/branch", "Backport pull request #16539 from jellyfin/release-10.11.z"),
    /// the pull request's own title on the next line, as a squash merge writes it: "Fix subtitle saving (#16539)".</summary>
    public static string Title(string message)
    {
        for (var rest = message.AsSpan(); !rest.IsEmpty;)
        {
            var end = rest.IndexOf('\n');
            var trimmed = (end < 0 ? rest : rest[..end]).Trim();
            if (!trimmed.IsEmpty)
            {
                if (IsWrapperStart(trimmed) && message.Split('\n') is var lines && WrappedTitleAt(lines, NextLineWithText(lines, 0)) is { } wrapped)
                {
                    return wrapped;
                }
                return trimmed.Length == message.Length ? message : trimmed.ToString();
            }
            rest = end < 0 ? [] : rest[(end + 1)..];
        }
        return string.Empty;
    }

    /// <summary>The index of the body's first line in <paramref name="lines"/> (after the title, and after the pull
    /// request's title that a wrapper title is followed by), or -1 when every line is blank.</summary>
    public static int BodyStart(IReadOnlyList<string> lines)
    {
        var title = NextLineWithText(lines, 0);
        return title < 0 ? -1
            : WrappedTitleAt(lines, title) is null ? title + 1
            : NextLineWithText(lines, title + 1) + 1;
    }

    /// <summary>"Title (#12)" when the line at <paramref name="index"/> is a wrapper title followed by a line that is
    /// not a trailer, else null.</summary>
    private static string? WrappedTitleAt(IReadOnlyList<string> lines, int index)
    {
        var line = lines[index].AsSpan().Trim();
        if (!IsWrapperStart(line) || PullRequestWrapper().Match(line.ToString()) is not { Success: true } wrapper)
        {
            return null;
        }
        var next = NextLineWithText(lines, index + 1);
        if (next < 0 || IsTrailer(lines[next]))
        {
            return null;
        }
        var inner = lines[next].Trim();
        var number = wrapper.Groups["number"].Value;
        return PullRequestNumber(inner) is { } own && own.ToString(CultureInfo.InvariantCulture) == number ? inner : $"{inner} (#{number})";
    }

    private static bool IsWrapperStart(ReadOnlySpan<char> line) =>
        line.StartsWith("Merge pull request #", StringComparison.Ordinal) || line.StartsWith("Backport pull request #", StringComparison.Ordinal);

    private static int NextLineWithText(IReadOnlyList<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (lines[i].AsSpan().Trim().Length > 0)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The message without its title line and without trailers such as Signed-off-by.</summary>
    public static IReadOnlyList<string> BodyLines(string message)
    {
        var lines = message.Split('\n').Select(l => l.TrimEnd()).ToList();
        var bodyStart = BodyStart(lines);
        if (bodyStart < 0)
        {
            return [];
        }
        return lines.Skip(bodyStart).Where(l => !IsTrailer(l)).ToList();
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

    [GeneratedRegex(@"^(Merge|Backport) pull request #(?<number>\d{1,9}) from \S+$", RegexOptions.CultureInvariant)]
    private static partial Regex PullRequestWrapper();

    [GeneratedRegex(@"\(#(\d{1,9})\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PullRequestPattern();
}
