using System.Text;
using System.Text.RegularExpressions;

namespace Gitbrief.Common;

/// <summary>A path pattern of a <c>watch:</c> rule, gitignore-like: <c>*</c> matches within one path segment,
/// <c>?</c> one character, <c>[abc]</c> / <c>[!abc]</c> a character class, <c>{a,b}</c> alternatives, <c>**</c> (a
/// whole segment) any number of directories, <c>\</c> escapes the next character. A pattern without a <c>/</c>
/// matches a file name at any depth (<c>*.lock</c>); one with a <c>/</c> is anchored at the repository root (a
/// leading <c>/</c> is allowed). A pattern that matches a directory matches everything below it, so
/// <c>vllm/attention</c>, <c>vllm/attention/</c> and <c>vllm/attention/**</c> are the same rule. Case-sensitive,
/// like git paths. Compiled without backtracking: a pattern can never make matching slow.</summary>
internal sealed class WatchGlob
{
    private const int MaxLength = 500;
    private readonly Regex regex;

    private WatchGlob(string pattern, Regex regex)
    {
        Pattern = pattern;
        this.regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    public bool Matches(string path) => regex.IsMatch(path);

    /// <summary>Compiles <paramref name="pattern"/>; a pattern that is not a valid glob throws a
    /// <see cref="FormatException"/> whose message says what is wrong.</summary>
    public static WatchGlob Parse(string pattern)
    {
        if (pattern.Length > MaxLength)
        {
            throw new FormatException($"a path pattern is at most {MaxLength} characters");
        }
        if (pattern.Any(char.IsControl))
        {
            throw new FormatException("a path pattern cannot contain control characters");
        }
        var body = pattern.StartsWith('/') ? pattern[1..] : pattern;
        body = body.TrimEnd('/');
        if (body.Length == 0)
        {
            throw new FormatException("an empty path pattern matches nothing");
        }
        var anchored = pattern.TrimEnd('/').Contains('/', StringComparison.Ordinal);
        var expression = new StringBuilder("^");
        if (!anchored)
        {
            expression.Append("(?:.*/)?");
        }
        expression.Append(Translate(body)).Append("(?:/.*)?$");
        try
        {
            return new WatchGlob(pattern, new Regex(expression.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
        }
        catch (ArgumentException)
        {
            throw new FormatException("invalid character class (a range such as [z-a] runs backwards)");
        }
    }

    private static string Translate(string glob)
    {
        var regex = new StringBuilder();
        var inBraces = false;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    if ((i > 0 && glob[i - 1] != '/') || (i + 2 < glob.Length && glob[i + 2] != '/') || inBraces)
                    {
                        throw new FormatException("'**' must be a whole path segment (a/**/b, **/x, a/**)");
                    }
                    if (i + 2 == glob.Length)
                    {
                        regex.Append(".*");
                        i++;
                    }
                    else
                    {
                        regex.Append("(?:[^/]*/)*");
                        i += 2;
                    }
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    i = CharacterClass(glob, i, regex);
                    break;
                case '{':
                    if (inBraces)
                    {
                        throw new FormatException("'{…}' alternatives cannot be nested");
                    }
                    inBraces = true;
                    regex.Append("(?:");
                    break;
                case ',' when inBraces:
                    regex.Append('|');
                    break;
                case '}':
                    if (!inBraces)
                    {
                        throw new FormatException("'}' without a matching '{' (write \\} for the character)");
                    }
                    inBraces = false;
                    regex.Append(')');
                    break;
                case '/' when inBraces:
                    throw new FormatException("'{…}' alternatives cannot contain '/'");
                case '\\':
                    if (++i == glob.Length)
                    {
                        throw new FormatException("'\\' at the end escapes nothing");
                    }
                    regex.Append(Regex.Escape(glob[i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return inBraces ? throw new FormatException("'{' without a closing '}'") : regex.ToString();
    }

    /// <summary>Appends the class starting at <paramref name="start"/> (a '['); returns the index of its ']'.
    /// A ']' right after the '[' (or '[!') is a member, as in shells.</summary>
    private static int CharacterClass(string glob, int start, StringBuilder regex)
    {
        var i = start + 1;
        var negated = i < glob.Length && glob[i] is '!' or '^';
        if (negated)
        {
            i++;
        }
        var members = new StringBuilder();
        for (var first = true; i < glob.Length && (first || glob[i] != ']'); i++, first = false)
        {
            var c = glob[i];
            if (c == '/')
            {
                throw new FormatException("a character class cannot contain '/'");
            }
            members.Append(c is '\\' or '[' or ']' or '^' ? "\\" + c : c.ToString());
        }
        if (i >= glob.Length)
        {
            throw new FormatException("'[' without a closing ']'");
        }
        regex.Append(negated ? "[^/" : "[").Append(members).Append(']');
        return i;
    }
}
