using System.Text;
using Gitbrief.Common;

namespace Gitbrief.Sources;

/// <summary>How a GitHub token is found and handed to git: from GITHUB_TOKEN (else TOKEN), and only as an
/// HTTP header in git configuration passed through the process environment, never on disk or argv.</summary>
internal static class GitAuth
{
    /// <summary>The variables a GitHub token is taken from, in order.</summary>
    public static readonly string[] TokenVariables = ["GITHUB_TOKEN", "TOKEN"];

    /// <summary>The first non-blank of <see cref="TokenVariables"/>, trimmed and registered for redaction.</summary>
    public static string? GitHubToken(Func<string, string?> environment)
    {
        var token = TokenVariables.Select(environment).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim();
        SecretRedactor.Register(token);
        return token;
    }

    /// <summary>The git configuration that sends <paramref name="token"/> as basic auth to <paramref name="origin"/>
    /// only (e.g. https://github.com); the header value is registered for redaction too.</summary>
    public static Dictionary<string, string> HeaderConfig(string token, Uri origin)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
        SecretRedactor.Register(token);
        SecretRedactor.Register(basic);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"http.{origin.GetLeftPart(UriPartial.Authority)}/.extraheader"] = "AUTHORIZATION: basic " + basic,
        };
    }
}
