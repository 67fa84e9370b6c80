namespace Gitbrief.Common;

/// <summary>The rules every configured URL follows so that no secret leaks in transit or at rest: no user name or
/// password in it (git would write them into a clone's .git/config; tokens belong in environment variables), and
/// no plain http to another machine for a URL a token or a webhook secret is sent to (loopback is fine).</summary>
internal static class UrlSecrecy
{
    /// <summary>What is wrong with a URL that carries credentials (the sentence follows the URL's name).</summary>
    public const string CredentialsProblem =
        "must not contain a user name or password: put the token in an environment variable (GITHUB_TOKEN, or the one a *_env key names)";

    /// <summary>What is wrong with a plain-http URL a secret would be sent to (the sentence follows the URL's name).</summary>
    public const string PlainHttpProblem =
        "is plain http to another machine: the token would travel unencrypted; use https (http is allowed for 127.0.0.1 and localhost only)";

    /// <summary>Whether the URL names a user (or a password) before its host.</summary>
    public static bool HasCredentials(Uri uri) => uri.UserInfo.Length > 0;

    /// <summary>Whether a secret sent to the URL would cross the network unencrypted.</summary>
    public static bool IsPlainHttpOffLoopback(Uri uri) => uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback;

    /// <summary>scheme://host[:port], never the user info, path or query (which may hold a token): safe to print.</summary>
    public static string Origin(Uri uri) => $"{uri.Scheme}://{uri.Authority}";
}
