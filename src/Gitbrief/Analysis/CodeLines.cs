using System.Buffers;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>What the changed lines of a commit's code files are, read from the diff rather than the message: only
/// comments and documentation in the code (doc comments, docstrings, typespecs), or only whitespace. Either way
/// nothing a user runs changes. Unknown (no lines read, or a language whose comments it does not know) is never
/// "only comments".</summary>
internal static class CodeLines
{
    /// <summary>Prose in a docstring has at least this many words.</summary>
    private const int ProseWords = 4;

    /// <summary>"comments" or "formatting" when every changed line of the product files is that; null otherwise. A
    /// commit that says it fixes or adds something is not taken for formatting: a line moved out of a block reads the
    /// same without whitespace and still changes what runs.</summary>
    public static string? OnlyKindOf(CommitRecord commit, IReadOnlyList<ClassifiedFile> product, bool claimsBehaviour)
    {
        if (commit.Lines is not { Count: > 0 } lines || product.Count == 0)
        {
            return null;
        }
        if (product.Any(f => f.Change.Binary))
        {
            return null;
        }
        var paths = product.Select(f => f.Change.Path).ToHashSet(StringComparer.Ordinal);
        // One pass over the lines, no copy of them: most commits show a line of code early, and then only whether the
        // changes are whitespace is left to ask.
        var (changed, substantive, comments) = (false, false, true);
        foreach (var line in lines)
        {
            if (!paths.Contains(line.Path))
            {
                continue;
            }
            changed = true;
            if (!string.IsNullOrWhiteSpace(line.Text))
            {
                substantive = true;
                comments = comments && IsCommentOrDoc(line.Path, line.Text.Trim());
            }
        }
        if (!changed)
        {
            return null;
        }
        if (substantive && comments)
        {
            return "comments";
        }
        return !claimsBehaviour && lines.Where(l => paths.Contains(l.Path)).GroupBy(l => l.Path, StringComparer.Ordinal).All(SameIgnoringWhitespace)
            ? "formatting" : null;
    }

    /// <summary>Whether every changed line of <paramref name="path"/> that is not blank is a comment or documentation
    /// (a docstring, a doc comment); false when the commit's lines were not read or the file has none.</summary>
    public static bool OnlyCommentsIn(CommitRecord commit, string path)
    {
        var any = false;
        foreach (var line in commit.Lines ?? [])
        {
            if (line.Path != path || string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }
            if (!IsCommentOrDoc(path, line.Text.Trim()))
            {
                return false;
            }
            any = true;
        }
        return any;
    }

    /// <summary>How many changed lines of <paramref name="file"/> hold no digit, and so no version string; all of its
    /// changed lines when the commit's lines of it were not read.</summary>
    public static long UnnumberedIn(CommitRecord commit, FileChange file)
    {
        var read = false;
        var unnumbered = 0L;
        foreach (var line in commit.Lines ?? [])
        {
            if (line.Path != file.Path)
            {
                continue;
            }
            read = true;
            if (!string.IsNullOrWhiteSpace(line.Text) && !line.Text.AsSpan().ContainsAnyInRange('0', '9'))
            {
                unnumbered++;
            }
        }
        return read ? unnumbered : (long)file.Additions + file.Deletions;
    }

    /// <summary>Whether an added line declares a test inside a source file: Rust's <c>#[test]</c>, <c>#[cfg(test)]</c> or an
    /// async runtime's test attribute, Java's and Kotlin's <c>@Test</c>, .NET's <c>[Fact]</c>/<c>[Theory]</c>/<c>[Test]</c>/
    /// <c>[TestMethod]</c>, Zig's <c>test "…"</c>. False when the commit's lines were not read.</summary>
    public static bool AddsInlineTests(CommitRecord commit)
    {
        if (commit.Lines is not { Count: > 0 } lines)
        {
            return false;
        }
        foreach (var line in lines)
        {
            if (line.Added && IsTestDeclaration(line.Text.AsSpan().Trim()))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsTestDeclaration(ReadOnlySpan<char> text) =>
        text is "#[test]" or "#[cfg(test)]" or "@Test" or "[Fact]" or "[Theory]" or "[Test]" or "[TestMethod]"
        || text.StartsWith("#[tokio::test", StringComparison.Ordinal) || text.StartsWith("#[rstest", StringComparison.Ordinal)
        || text.StartsWith("@Test ", StringComparison.Ordinal) || text.StartsWith("@Test(", StringComparison.Ordinal)
        || text.StartsWith("test \"", StringComparison.Ordinal);

    /// <summary>Calls that protect what they are given: a secret wiped from memory before it is freed, a value escaped for
    /// the query, shell or markup it goes into, a file name made safe.</summary>
    private static readonly string[] ProtectiveCalls =
    [
        "OPENSSL_cleanse(", "explicit_bzero(", "memset_s(", "SecureZeroMemory(", "sodium_memzero(", "zeroize(",
        "EscapeFilter(", "escape_filter_chars(", "HTMLEscapeString(", "html.EscapeString(", "escapeshellarg(", "escapeshellcmd(",
        "shlex.quote(", "htmlspecialchars(", "htmlentities(", "QuoteIdentifier(", "DOMPurify.sanitize(", "bleach.clean(", "secure_filename(",
    ];

    private static readonly SearchValues<string> ProtectiveCallValues = SearchValues.Create(ProtectiveCalls, StringComparison.Ordinal);

    /// <summary>A random source an attacker can predict, and the cryptographic one that replaces it.</summary>
    private static readonly (string Weak, string Strong)[] RandomSources =
    [
        ("\"math/rand\"", "\"crypto/rand\""), ("Math.random(", "crypto.getRandomValues("), ("Math.random(", "randomBytes("),
        ("new Random(", "SecureRandom"),
    ];

    /// <summary>Everything <see cref="ProtectionAddedIn"/> looks for: a line holding none of it is passed over after one scan.</summary>
    private static readonly SearchValues<string> ProtectionWords = SearchValues.Create(
        [.. ProtectiveCalls, .. RandomSources.SelectMany(s => new[] { s.Weak, s.Strong }).Distinct()], StringComparison.Ordinal);

    /// <summary>A protection the commit's added code calls and its removed code did not, in its source files (comments
    /// aside): a secret wiped from memory ("Zeroize intermediate values for ed25519" adds <c>OPENSSL_cleanse</c>), a value
    /// escaped where it is spliced into a query ("fix: improve buildAuthFilterString logic" wraps the user name in
    /// <c>goldap.EscapeFilter</c>), or a predictable random source replaced by a cryptographic one (<c>"math/rand"</c> out,
    /// <c>"crypto/rand"</c> in). The code says it when the title does not. Null when the lines were not read, and for a
    /// commit that calls itself a refactor, a clean-up or a performance change: a call moved along is no protection added.
    /// Most lines name none of it and cost one <see cref="SearchValues{T}"/> scan.</summary>
    public static string? ProtectionAddedIn(CommitRecord commit, CommitTraits traits, IReadOnlyList<ClassifiedFile> source)
    {
        if (commit.Lines is not { Count: > 0 } lines || source.Count == 0 || traits.WeightKey is "refactor" or "perf" or "style" or "chore")
        {
            return null;
        }
        var paths = source.Select(f => f.Change.Path).ToHashSet(StringComparer.Ordinal);
        var added = new List<string>();
        var removed = new HashSet<string>(StringComparer.Ordinal);
        // Per random source: its weak form removed, its strong form added, its weak form still added.
        Span<bool> weakRemoved = stackalloc bool[RandomSources.Length];
        Span<bool> strongAdded = stackalloc bool[RandomSources.Length];
        Span<bool> weakAdded = stackalloc bool[RandomSources.Length];
        foreach (var line in lines)
        {
            if (!paths.Contains(line.Path) || line.Text.AsSpan().IndexOfAny(ProtectionWords) < 0)
            {
                continue;
            }
            var text = line.Text.Trim();
            if (IsCommentOrDoc(line.Path, text))
            {
                continue;
            }
            if (ProtectiveCallIn(text) is { } call)
            {
                if (line.Added)
                {
                    added.Add(call);
                }
                else
                {
                    removed.Add(call);
                }
            }
            for (var i = 0; i < RandomSources.Length; i++)
            {
                var weak = text.Contains(RandomSources[i].Weak, StringComparison.Ordinal);
                (line.Added ? weakAdded : weakRemoved)[i] |= weak;
                strongAdded[i] |= line.Added && text.Contains(RandomSources[i].Strong, StringComparison.Ordinal);
            }
        }
        // "htmlentities" swapped for "htmlspecialchars" trades one escape for another.
        if (removed.Count == 0 && added.FirstOrDefault() is { } protection)
        {
            return protection.TrimEnd('(');
        }
        for (var i = 0; i < RandomSources.Length; i++)
        {
            if (weakRemoved[i] && strongAdded[i] && !weakAdded[i])
            {
                return RandomSources[i].Strong.Trim('"', '(');
            }
        }
        return null;
    }

    private static string? ProtectiveCallIn(string text)
    {
        var at = text.AsSpan().IndexOfAny(ProtectiveCallValues);
        return at < 0 ? null : Array.Find(ProtectiveCalls, call => text.AsSpan(at).StartsWith(call, StringComparison.Ordinal));
    }

    /// <summary>The attribute that breaks a public Rust type's users when added to it (<c>#[non_exhaustive]</c>), or null. On
    /// a type the commit declares (the attribute's run of added lines reaches its <c>pub enum</c>/<c>pub struct</c>), it
    /// breaks no one.</summary>
    public static string? BreakingAttributeOf(CommitRecord commit, IReadOnlyList<ClassifiedFile> product)
    {
        if (commit.Lines is not { Count: > 0 } lines)
        {
            return null;
        }
        var rust = product.Where(f => f.Role == FileRole.Source && f.Change.Status != FileStatus.Added
                && f.Change.Path.EndsWith(".rs", StringComparison.Ordinal))
            .Select(f => f.Change.Path).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Added && rust.Contains(lines[i].Path) && lines[i].Text.Trim() == "#[non_exhaustive]" && !DeclaredAfter(lines, i))
            {
                return "#[non_exhaustive]";
            }
        }
        return null;
    }

    /// <summary>Whether the added lines after an attribute (past further attributes and doc comments) declare the type.</summary>
    private static bool DeclaredAfter(IReadOnlyList<ChangedLine> lines, int attribute)
    {
        for (var i = attribute + 1; i < lines.Count && lines[i].Added && lines[i].Path == lines[attribute].Path; i++)
        {
            var text = lines[i].Text.Trim();
            if (!text.StartsWith("#[", StringComparison.Ordinal) && !text.StartsWith("///", StringComparison.Ordinal))
            {
                return text.Contains("enum ", StringComparison.Ordinal) || text.Contains("struct ", StringComparison.Ordinal);
            }
        }
        return false;
    }

    /// <summary>The removed and the added lines of a file read the same once whitespace is gone.</summary>
    private static bool SameIgnoringWhitespace(IEnumerable<ChangedLine> file)
    {
        var removed = string.Concat(file.Where(l => !l.Added).Select(l => l.Text)).Where(c => !char.IsWhiteSpace(c));
        var added = string.Concat(file.Where(l => l.Added).Select(l => l.Text)).Where(c => !char.IsWhiteSpace(c));
        return removed.SequenceEqual(added);
    }

    private static bool IsCommentOrDoc(string path, string line)
    {
        var syntax = CommentSyntax.Of(path);
        if (syntax is null)
        {
            return false;
        }
        if (syntax.LinePrefixes.Any(p => line.StartsWith(p, StringComparison.Ordinal)))
        {
            return true;
        }
        // A line that ends a block comment is one, unless code opens it: `"GCONV_PATH",  /* glibc … */` is an entry of a table.
        if (syntax.Block && (line.StartsWith("/*", StringComparison.Ordinal) || line.StartsWith('*')
            || line.EndsWith("*/", StringComparison.Ordinal) && !line.Contains("/*", StringComparison.Ordinal)))
        {
            return true;
        }
        if (syntax.Annotations.Any(a => line.StartsWith(a, StringComparison.Ordinal) && (line.Length == a.Length || !char.IsLetterOrDigit(line[a.Length]))))
        {
            return true;
        }
        return syntax.Docstrings && (line is "\"\"\"" or "'''" || IsProse(line));
    }

    /// <summary>A sentence of a docstring: several plain words, no assignment, call or block of code. Code of a
    /// doctest example (<c>iex&gt;</c>, <c>&gt;&gt;&gt;</c>) is documentation too.</summary>
    private static bool IsProse(string line)
    {
        if (line.StartsWith("iex>", StringComparison.Ordinal) || line.StartsWith(">>>", StringComparison.Ordinal)
            || line.StartsWith("...>", StringComparison.Ordinal) || line.StartsWith("#=>", StringComparison.Ordinal))
        {
            return true;
        }
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < ProseWords || line.EndsWith(" do", StringComparison.Ordinal) || line.EndsWith('{') || line.EndsWith(')'))
        {
            return false;
        }
        // Code in prose is quoted (`Map.new/1`); unquoted, words of code carry `=`, `(`, `_`, `.` inside, or `->`.
        var unquoted = string.Concat(line.Split('`').Where((_, i) => i % 2 == 0));
        return !unquoted.Contains('=') && !unquoted.Contains("->", StringComparison.Ordinal) && !unquoted.Contains('(')
            && unquoted.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(PlainWord);
    }

    private static bool PlainWord(string word)
    {
        var core = word.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '*', '-', '[', ']');
        return core.All(c => char.IsLetterOrDigit(c) || c is '-' or '\'' or '/' or '’');
    }
}
