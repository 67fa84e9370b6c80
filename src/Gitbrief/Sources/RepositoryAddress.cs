using System.Text;
using System.Text.RegularExpressions;
using Gitbrief.Common;

namespace Gitbrief.Sources;

/// <summary>Where a repository lives, as the user wrote it: a local path, a git URL or GitHub's owner/repo.</summary>
internal sealed partial record RepositoryAddress
{
    private RepositoryAddress(string original, string? localPath, string? remoteUrl, string name, string displayName)
    {
        Original = original;
        LocalPath = localPath;
        RemoteUrl = remoteUrl;
        Name = name;
        DisplayName = displayName;
    }

    /// <summary>What the user wrote.</summary>
    public string Original { get; }

    /// <summary>Set for a repository read in place.</summary>
    public string? LocalPath { get; }

    /// <summary>Set for a repository kept as a mirror in the cache.</summary>
    public string? RemoteUrl { get; }

    /// <summary>The short name used in output paths (the part after the slash).</summary>
    public string Name { get; }

    /// <summary>The name shown in report headings, e.g. owner/repo.</summary>
    public string DisplayName { get; }

    public bool IsRemote => RemoteUrl is not null;

    /// <summary>Parses an address. <paramref name="baseDirectory"/> resolves relative local paths.</summary>
    public static RepositoryAddress Parse(string text, string baseDirectory)
    {
        var value = text.Trim();
        if (value.Length == 0)
        {
            throw new FormatException("the repository address is empty");
        }
        if (HasCredentials(value))
        {
            throw new FormatException($"a repository URL {Common.UrlSecrecy.CredentialsProblem}");
        }
        if (value.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            var path = Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri.LocalPath : value["file://".Length..];
            var (name, display) = LocalNames(path);
            return new RepositoryAddress(text, null, value, name, display);
        }
        if (TryParseRemote(value, out var host, out var remotePath) && host.Length > 0)
        {
            var segments = SplitPath(remotePath);
            var name = segments.Count > 0 ? segments[^1] : host;
            var display = segments.Count >= 2 ? $"{segments[^2]}/{segments[^1]}" : name;
            return new RepositoryAddress(text, null, value, name, display);
        }
        if (IsGitHubShorthand(value) && !Directory.Exists(Path.Combine(baseDirectory, value)))
        {
            var parts = value.Split('/');
            var repo = parts[1].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? parts[1][..^4] : parts[1];
            return new RepositoryAddress(text, null, $"https://github.com/{parts[0]}/{repo}.git", repo, $"{parts[0]}/{repo}");
        }
        var full = Path.GetFullPath(Path.Combine(baseDirectory, value));
        var (localName, localDisplay) = LocalNames(full);
        return new RepositoryAddress(text, full, null, localName, localDisplay);
    }

    /// <summary>The name and display name of a repository on disk: its folder's name (without .git); the work tree's
    /// for a path ending in /.git; for a bare repository mirroring a network repository (its origin has a host), the
    /// origin's name and owner/name — mirrors are often kept as …/repo.git.</summary>
    private static (string Name, string Display) LocalNames(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        if (Path.GetFileName(trimmed) == ".git" && Path.GetDirectoryName(trimmed) is { } workTree)
        {
            var parent = LastSegment(workTree);
            return (parent, parent);
        }
        if (BareOrigin(trimmed) is { } origin && TryParseRemote(origin, out var host, out var remotePath) && host.Length > 0)
        {
            var segments = SplitPath(remotePath);
            if (segments.Count > 0 && segments[^1].Length > 0)
            {
                return (segments[^1], segments.Count >= 2 ? $"{segments[^2]}/{segments[^1]}" : segments[^1]);
            }
        }
        var name = LastSegment(trimmed);
        return (name, name);
    }

    /// <summary>The origin URL of a bare repository (HEAD, objects/ and refs/ in the folder itself, read from its
    /// config file without running git), or null for anything else.</summary>
    private static string? BareOrigin(string directory)
    {
        var config = Path.Combine(directory, "config");
        if (!File.Exists(Path.Combine(directory, "HEAD")) || !Directory.Exists(Path.Combine(directory, "objects"))
            || !Directory.Exists(Path.Combine(directory, "refs")) || !File.Exists(config))
        {
            return null;
        }
        var inOrigin = false;
        foreach (var line in File.ReadLines(config).Select(l => l.Trim()))
        {
            if (line.StartsWith('['))
            {
                inOrigin = OriginSection().IsMatch(line);
                continue;
            }
            var match = UrlEntry().Match(line);
            if (inOrigin && match.Success)
            {
                return match.Groups["url"].Value.Trim().Trim('"');
            }
        }
        return null;
    }

    /// <summary>Whether a git URL carries credentials: any user info in an http(s), git or file URL, a password in
    /// an ssh URL or an scp-like address (ssh's user name alone, as in git@host:path, is not a secret).</summary>
    public static bool HasCredentials(string text)
    {
        var value = text.Trim();
        if (value.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return uri.Scheme == "ssh" ? uri.UserInfo.Contains(':', StringComparison.Ordinal) : Common.UrlSecrecy.HasCredentials(uri);
        }
        // The pattern needs a ':' and an '@': a path without them never builds a regex (the first one a run builds initialises
        // every generated pattern's shared tables, ~1% of a day without commits).
        return value.Contains(':', StringComparison.Ordinal) && value.Contains('@', StringComparison.Ordinal) && ScpPasswordPattern().IsMatch(value);
    }

    /// <summary>Whether <paramref name="text"/> has the form of GitHub's owner/repo. The pattern's first character is a
    /// letter or digit: an absolute or ./ path never builds the regex (its construction initialises every generated
    /// pattern's shared tables, 2% of a day without commits).</summary>
    public static bool IsGitHubShorthand(string text) =>
        text.Length > 0 && char.IsAsciiLetterOrDigit(text[0]) && text.Contains('/', StringComparison.Ordinal) && ShorthandPattern().IsMatch(text);

    /// <summary>Where the mirror of a remote repository lives below the cache directory:
    /// mirrors/&lt;host&gt;/&lt;owner&gt;/&lt;repo&gt;.git.</summary>
    public string MirrorPath(string cacheDirectory)
    {
        if (RemoteUrl is null)
        {
            throw new InvalidOperationException("a local repository has no mirror");
        }
        var root = Path.Combine(cacheDirectory, "mirrors");
        if (TryParseRemote(RemoteUrl, out var host, out var path) && host.Length > 0)
        {
            var segments = SplitPath(path).Select(Sanitize).Where(s => s.Length > 0).ToList();
            if (segments.Count > 0)
            {
                segments[^1] += ".git";
                return Path.Combine([root, Sanitize(host), .. segments]);
            }
        }
        var hash = Sha256.HexOf(Encoding.UTF8.GetBytes(RemoteUrl))[..12];
        return Path.Combine(root, "local", hash, Sanitize(Name) + ".git");
    }

    /// <summary>Splits https://host/path, ssh://user@host:port/path and scp-like user@host:path into host and path.
    /// Host is empty for file URLs and plain paths.</summary>
    public static bool TryParseRemote(string value, out string host, out string path)
    {
        host = string.Empty;
        path = string.Empty;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git")
        {
            host = uri.Host;
            path = Uri.UnescapeDataString(uri.AbsolutePath);
            return true;
        }
        if (value.Contains(':', StringComparison.Ordinal) && ScpPattern().Match(value) is { Success: true } scp)
        {
            host = scp.Groups["host"].Value;
            path = scp.Groups["path"].Value;
            return true;
        }
        return false;
    }

    private static List<string> SplitPath(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count > 0 && segments[^1].EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            segments[^1] = segments[^1][..^4];
        }
        return segments;
    }

    private static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        var name = Path.GetFileName(trimmed);
        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase) && name.Length > 4)
        {
            name = name[..^4];
        }
        return name.Length == 0 ? "repository" : name;
    }

    private static string Sanitize(string segment)
    {
        var cleaned = UnsafePathCharacters().Replace(segment, "_");
        return cleaned is "." or ".." ? "_" : cleaned;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ShorthandPattern();

    [GeneratedRegex(@"^(?:[A-Za-z0-9._-]+@)?(?<host>[A-Za-z0-9.-]+\.[A-Za-z]{2,}):(?!//)(?<path>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ScpPattern();

    [GeneratedRegex(@"^[^/@\s:]+:[^/@\s]*@[A-Za-z0-9.-]+:", RegexOptions.CultureInvariant)]
    private static partial Regex ScpPasswordPattern();

    [GeneratedRegex(@"^\[\s*remote\s+""origin""\s*\]$", RegexOptions.CultureInvariant)]
    private static partial Regex OriginSection();

    [GeneratedRegex(@"^url\s*=\s*(?<url>.+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlEntry();

    [GeneratedRegex(@"[^A-Za-z0-9._-]", RegexOptions.CultureInvariant)]
    private static partial Regex UnsafePathCharacters();
}
