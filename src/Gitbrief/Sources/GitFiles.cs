namespace Gitbrief.Sources;

/// <summary>What a repository's own files say without starting git: the branch its HEAD names and its origin's URL. Each
/// would otherwise be a git process of its own, about a tenth of a day without commits (bench/README.md, "gitfiles").
/// Only the plain cases are read — a work tree's <c>.git</c> directory, a linked work tree's <c>.git</c> file, a bare
/// repository; a HEAD naming a branch or a commit; a URL written without quotes, escapes or comments in the repository's
/// own config, which includes no other file. Anything else, and any environment variable that changes what git would
/// read there, answers null: git is asked then, so the answer is always git's.</summary>
internal static class GitFiles
{
    /// <summary>The variables that move the repository's common directory or add configuration read after its own: with
    /// any of them set, git is asked. (GIT_DIR and GIT_WORK_TREE are removed from git's environment by
    /// <see cref="GitCommand"/>; the global and system files are read before the repository's, whose value wins.)</summary>
    private static readonly string[] GitEnvironment = ["GIT_COMMON_DIR", "GIT_CONFIG", "GIT_CONFIG_COUNT", "GIT_CONFIG_PARAMETERS"];

    /// <summary>A repository's files are small; one larger than this is not read (git is asked).</summary>
    private const int MaxFileBytes = 64 * 1024;

    /// <summary>The branch HEAD names (<c>main</c> for <c>ref: refs/heads/main</c>), <c>HEAD</c> when it names a commit,
    /// null when git has to say. Whether the branch has commits is not known here.</summary>
    public static string? HeadBranch(string directory)
    {
        if (GitDirectoryOf(directory) is not { } gitDirectory || Read(Path.Combine(gitDirectory, "HEAD")) is not { } head)
        {
            return null;
        }
        var text = head.TrimEnd('\n', '\r');
        if (text.StartsWith("ref: refs/heads/", StringComparison.Ordinal))
        {
            var name = text["ref: refs/heads/".Length..];
            // ".invalid" is the stub a reftable repository writes; names git would refuse, or shorten, are git's to say.
            return name.Length > 0 && !name.StartsWith('.') && !name.Contains("..", StringComparison.Ordinal)
                && name.All(c => c > ' ' && c != 0x7f && c != '\\' && c != ':' && c != '~' && c != '^' && c != '?' && c != '*' && c != '[')
                ? name
                : null;
        }
        return text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower) ? GitHistory.Head : null;
    }

    /// <summary>The URL of the <c>origin</c> remote as the repository's own config sets it, or null when git has to say
    /// (it may come from another config file, or be written in a form only git reads).</summary>
    public static string? OriginUrl(string directory)
    {
        if (GitDirectoryOf(directory) is not { } gitDirectory)
        {
            return null;
        }
        var common = gitDirectory;
        if (Read(Path.Combine(gitDirectory, "commondir")) is { } commonDir)
        {
            common = Path.GetFullPath(Path.Combine(gitDirectory, commonDir.Trim()));
        }
        return Read(Path.Combine(common, "config")) is { } config ? OriginUrlIn(config) : null;
    }

    /// <summary>remote.origin.url in the text of one config file: the last value set, or null when the file sets none
    /// or could mean something this reader does not follow (includes, per-worktree config, quoting, continued lines).</summary>
    internal static string? OriginUrlIn(string config)
    {
        string? url = null;
        var inOrigin = false;
        foreach (var raw in config.Split('\n'))
        {
            var line = raw.Trim();
            if (line.EndsWith('\\'))
            {
                return null;
            }
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }
            if (line[0] == '[')
            {
                var close = line.IndexOf(']', StringComparison.Ordinal);
                if (close < 0 || line.AsSpan(close + 1).Trim().Length > 0 || line.Contains('\\', StringComparison.Ordinal))
                {
                    return null;
                }
                var header = line[1..close].Trim();
                var section = header.Split([' ', '\t', '.'], 2)[0];
                if (section.StartsWith("include", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
                inOrigin = section.Equals("remote", StringComparison.OrdinalIgnoreCase)
                    && (header[section.Length..].Trim() == "\"origin\"" || header[section.Length..].Equals(".origin", StringComparison.OrdinalIgnoreCase));
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? line : line[..equals]).TrimEnd();
            if (key.Equals("worktreeConfig", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            if (!inOrigin || !key.Equals("url", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var value = equals < 0 ? "" : line[(equals + 1)..].Trim();
            if (value.Length == 0 || value.AsSpan().IndexOfAny("\"\\#;") >= 0)
            {
                return null;
            }
            url = value;
        }
        return url;
    }

    /// <summary>The git directory of <paramref name="directory"/> when it is a work tree's top, a linked work tree or a
    /// bare repository itself; null otherwise (a subdirectory of a work tree, git's environment set).</summary>
    private static string? GitDirectoryOf(string directory)
    {
        if (GitEnvironment.Any(name => Environment.GetEnvironmentVariable(name) is not null))
        {
            return null;
        }
        var dotGit = Path.Combine(directory, ".git");
        if (Directory.Exists(dotGit))
        {
            return dotGit;
        }
        if (File.Exists(dotGit))
        {
            return Read(dotGit) is { } link && link.StartsWith("gitdir: ", StringComparison.Ordinal)
                ? Path.GetFullPath(Path.Combine(directory, link["gitdir: ".Length..].TrimEnd('\n', '\r')))
                : null;
        }
        return File.Exists(Path.Combine(directory, "HEAD")) && Directory.Exists(Path.Combine(directory, "objects"))
            && Directory.Exists(Path.Combine(directory, "refs"))
            ? directory
            : null;
    }

    private static string? Read(string path)
    {
        try
        {
            var file = new FileInfo(path);
            return file.Exists && file.Length <= MaxFileBytes ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
