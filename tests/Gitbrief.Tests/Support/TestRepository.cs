using System.Text;

namespace Gitbrief.Tests.Support;

/// <summary>A real git repository in a temp directory, built commit by commit with exact author and
/// committer dates. Everything lives under <see cref="Root"/>, which is deleted on dispose.</summary>
public sealed class TestRepository : IDisposable
{
    public const string DefaultAuthor = "Ada Lovelace";
    public const string DefaultEmail = "ada@example.com";

    private readonly TempDirectory root;
    private readonly bool ownsRoot;
    private int messageCounter;

    static TestRepository()
    {
        // The library under test runs git in-process too: keep it away from the developer's config.
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", "/dev/null");
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private TestRepository(TempDirectory root, bool ownsRoot, string name)
    {
        this.root = root;
        this.ownsRoot = ownsRoot;
        Path = root.CreateSubdirectory(name);
        GitProcess.Run(Path, "init", "-q", "-b", "main");
        GitProcess.Run(Path, "config", "user.name", DefaultAuthor);
        GitProcess.Run(Path, "config", "user.email", DefaultEmail);
        GitProcess.Run(Path, "config", "commit.gpgsign", "false");
        GitProcess.Run(Path, "config", "core.autocrlf", "false");
    }

    /// <summary>A new repository named <paramref name="name"/> in its own temp directory.</summary>
    public static TestRepository Create(string name = "demo") => new(new TempDirectory("gitbrief-repo"), ownsRoot: true, name);

    /// <summary>A new repository inside an existing temp directory (which the caller disposes).</summary>
    public static TestRepository CreateIn(TempDirectory directory, string name) => new(directory, ownsRoot: false, name);

    /// <summary>A report archive as a team would set it up: a bare repository in <paramref name="directory"/> with one
    /// commit (a README) on main. Returns its path.</summary>
    public static string CreateArchive(TempDirectory directory)
    {
        var seed = CreateIn(directory, "seed");
        seed.Write("README.md", "report archive\n").Commit("init archive", "2026-01-01T10:00:00+08:00");
        return seed.CloneBare("archive.git");
    }

    /// <summary>The work tree.</summary>
    public string Path { get; }

    /// <summary>The temp directory holding the work tree (and bare clones made from it).</summary>
    public string Root => root.Path;

    public string FileUrl => new Uri(Path).AbsoluteUri;

    public string Git(params string[] arguments) => GitProcess.Run(Path, arguments);

    public TestRepository Write(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public TestRepository WriteBytes(string relativePath, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        Git("add", "--", relativePath);
        return this;
    }

    /// <summary>Writes <paramref name="lines"/> numbered lines (handy for line statistics).</summary>
    public TestRepository WriteLines(string relativePath, int lines, string prefix = "line") =>
        Write(relativePath, string.Concat(Enumerable.Range(1, lines).Select(i => $"{prefix} {i}\n")));

    public TestRepository Move(string from, string to)
    {
        var target = System.IO.Path.GetDirectoryName(System.IO.Path.Combine(Path, to))!;
        Directory.CreateDirectory(target);
        Git("mv", "--", from, to);
        return this;
    }

    public TestRepository Delete(string relativePath)
    {
        Git("rm", "-q", "--", relativePath);
        return this;
    }

    /// <summary>Commits the staged changes. <paramref name="committed"/> defaults to <paramref name="authored"/>.
    /// Dates are ISO 8601 with offset, e.g. 2026-01-12T23:59:59+08:00. Returns the full sha.</summary>
    public string Commit(string message, string authored, string? committed = null, string? author = null) =>
        CommitRaw(Encoding.UTF8.GetBytes(message), authored, committed, author: author);

    /// <summary>Commits with a message given as raw bytes (read by git from a file), optionally declaring its
    /// encoding with i18n.commitEncoding (recorded in the commit's encoding header).</summary>
    public string CommitRaw(byte[] message, string authored, string? committed = null, string? encoding = null, string? author = null)
    {
        var messageFile = System.IO.Path.Combine(Root, $".message-{System.IO.Path.GetFileName(Path)}-{messageCounter++}");
        File.WriteAllBytes(messageFile, message);
        var environment = Dates(authored, committed);
        var arguments = new List<string>();
        if (encoding is not null)
        {
            arguments.AddRange(["-c", "i18n.commitEncoding=" + encoding]);
        }
        arguments.AddRange(["commit", "-q", "--allow-empty", "--no-verify", "--cleanup=verbatim", "-F", messageFile]);
        if (author is not null)
        {
            arguments.Add($"--author={author}");
        }
        GitProcess.Run(Path, environment, [.. arguments]);
        File.Delete(messageFile);
        return Head();
    }

    /// <summary>Merges <paramref name="branch"/> into the current branch with a merge commit (--no-ff).</summary>
    public string Merge(string branch, string message, string authored, string? committed = null)
    {
        GitProcess.Run(Path, Dates(authored, committed), "merge", "-q", "--no-ff", "--no-edit", "-m", message, branch);
        return Head();
    }

    public TestRepository Checkout(string branch, bool create = false)
    {
        if (create)
        {
            Git("checkout", "-q", "-b", branch);
        }
        else
        {
            Git("checkout", "-q", branch);
        }
        return this;
    }

    public string Head() => Git("rev-parse", "HEAD");

    /// <summary>A bare clone next to the work tree, usable as a file:// remote. Returns its path.</summary>
    public string CloneBare(string name)
    {
        var target = System.IO.Path.Combine(Root, name);
        GitProcess.Run(Root, "clone", "-q", "--bare", Path, target);
        return target;
    }

    private static Dictionary<string, string> Dates(string authored, string? committed) => new()
    {
        ["GIT_AUTHOR_DATE"] = authored,
        ["GIT_COMMITTER_DATE"] = committed ?? authored,
    };

    public void Dispose()
    {
        if (ownsRoot)
        {
            root.Dispose();
        }
    }
}
