namespace Gitbrief.Bench;

/// <summary>Where things live: the repository root (the directory holding Gitbrief.slnx) and
/// bench/out, the git-ignored scratch directory for the generated repository and the binaries.</summary>
internal sealed record BenchPaths(string Root)
{
    public string Out => Path.Combine(Root, "bench", "out");

    public static BenchPaths Locate()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Gitbrief.slnx")))
                {
                    return new BenchPaths(directory.FullName);
                }
            }
        }
        throw new InvalidOperationException("cannot find Gitbrief.slnx above the current directory; run from the repository");
    }

    /// <summary>A path relative to the repository root, for display.</summary>
    public string Show(string path) => Path.GetRelativePath(Root, path);
}
