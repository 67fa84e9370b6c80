using System.Text.RegularExpressions;

namespace Gitbrief.Sources.GitHubApi;

/// <summary>Reads the RFC 8288 Link header GitHub paginates with: <c>&lt;url&gt;; rel="next", &lt;url&gt;; rel="last"</c>.</summary>
internal static partial class LinkHeader
{
    /// <summary>The URL of the given relation ("next"), or null.</summary>
    public static string? Find(string? header, string relation)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }
        foreach (Match match in LinkPattern().Matches(header))
        {
            var rels = match.Groups["params"].Value;
            foreach (Match rel in RelPattern().Matches(rels))
            {
                if (rel.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(relation, StringComparer.OrdinalIgnoreCase))
                {
                    return match.Groups["url"].Value;
                }
            }
        }
        return null;
    }

    [GeneratedRegex(@"<(?<url>[^>]*)>(?<params>[^,<]*)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"rel\s*=\s*""?([^"";]+)""?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RelPattern();
}
