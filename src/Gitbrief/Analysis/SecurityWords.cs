using System.Buffers;

namespace Gitbrief.Analysis;

/// <summary>A one-pass test that tells, without any regular expression, that a text cannot hold a security keyword:
/// every match of <see cref="CommitClassifier"/>'s security pattern begins and ends on a word boundary and contains one
/// of <see cref="Words"/> as a whole word, so a text none of whose ASCII words is in that list is skipped. The test
/// only ever lets through more texts than match (the pattern then decides), never fewer, so the keywords found
/// are exactly the pattern's.</summary>
internal static class SecurityWords
{
    /// <summary>One word of each alternative of the pattern, the rarest in running text: "CVE-2024-1234" holds
    /// "cve", "remote code execution" holds "execution", "use-after-free" holds "free", "type confusion" holds "confusion".</summary>
    private static readonly string[] Words =
    [
        "cve", "ghsa", "cwe", "vulnerability", "vulnerabilities", "vuln", "vulns", "security", "xss", "csrf", "ssrf", "xxe", "rce", "injection", "injections",
        "execution", "traversal", "escalation", "bypass", "exploit", "exploitable", "denial", "dos", "overflow", "free",
        "bounds", "oob", "uaf", "sanitize", "sanitise", "insecure", "leak", "leaks", "leaked", "leaking", "pollution", "smuggling", "confusion",
        "attack", "attacks", "exhaustion",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        new HashSet<string>(Words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestWord = Words.Max(w => w.Length);

    /// <summary>What the pattern counts as word characters among ASCII: a run of them is one word for it as well.</summary>
    private static readonly SearchValues<char> AsciiWordCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>The one character outside ASCII that a case-insensitive pattern takes for an ASCII letter (KELVIN SIGN for
    /// "k"); a text holding it goes to the pattern.</summary>
    private const char KelvinSign = '\u212A';

    /// <summary>False only when <paramref name="text"/> certainly holds no security keyword.</summary>
    public static bool MayContainKeyword(ReadOnlySpan<char> text)
    {
        if (text.Contains(KelvinSign))
        {
            return true;
        }
        while (true)
        {
            var start = text.IndexOfAny(AsciiWordCharacters);
            if (start < 0)
            {
                return false;
            }
            text = text[start..];
            var length = text.IndexOfAnyExcept(AsciiWordCharacters);
            if (length < 0)
            {
                length = text.Length;
            }
            if (length <= LongestWord && Lookup.Contains(text[..length]))
            {
                return true;
            }
            text = text[length..];
        }
    }
}
