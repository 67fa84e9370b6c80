using System.Text.RegularExpressions;

namespace Gitbrief.Configuration;

/// <summary>The rule for a repository's <c>name:</c>: its heading and the folder of its reports, so one folder name,
/// safe on every file system and in a URL path.</summary>
internal static partial class RepositoryName
{
    public const int MaxLength = 100;

    /// <summary>Whether <paramref name="name"/> can be a repository's name: one folder name of letters, digits, '.', '_'
    /// and '-', not starting with '.', at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid(string name) => name.Length is > 0 and <= MaxLength && NamePattern().IsMatch(name);

    [GeneratedRegex(@"^[\p{L}\p{N}_-][\p{L}\p{N}._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
