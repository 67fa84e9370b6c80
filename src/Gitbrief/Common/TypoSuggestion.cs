namespace Gitbrief.Common;

/// <summary>The word a mistyped one was probably meant to be ("reprot" → report, "treshold" → thresholds).</summary>
public static class TypoSuggestion
{
    /// <summary>The closest of <paramref name="candidates"/> to <paramref name="typed"/> when it is near enough to be a
    /// typo of it (at most two edits, and at most half its length), else null. Ties go to the first in ordinal order.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var lower = typed.ToLowerInvariant();
        return candidates
            .Select(c => (Name: c, Distance: Distance(lower, c)))
            .Where(c => c.Distance <= Math.Min(2, Math.Max(1, c.Name.Length / 2)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
