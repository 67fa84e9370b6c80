using System.Buffers;

namespace Gitbrief.Analysis;

/// <summary>A cheap test before a long pattern that few texts match: the words one of which every match holds.</summary>
internal static class PatternWords
{
    /// <summary>Whether <paramref name="text"/> may match a pattern every match of which holds one of <paramref name="words"/>:
    /// it holds one of them (ignoring case), or the Kelvin sign, the one character beyond ASCII that a case-insensitive,
    /// culture-invariant pattern takes for an ASCII letter ("k"; every other such character was tried).</summary>
    public static bool MayMatch(string text, SearchValues<string> words) => text.Contains('\u212A') || text.AsSpan().ContainsAny(words);
}
