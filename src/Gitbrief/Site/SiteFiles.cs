using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace Gitbrief.Site;

/// <summary>The files of a built site as <c>serve</c> may hand them out: ASP.NET Core's physical file provider (no
/// path above the root, no hidden or dot-prefixed file), plus what it does not check — a symbolic link is followed
/// only when the file it really names (every link on the way resolved) is inside the site and not hidden.</summary>
internal sealed class SiteFiles : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider files;

    /// <summary>The site directory with its own symbolic links resolved: what every served file must be below.</summary>
    private readonly string realRoot;

    public SiteFiles(string directory)
    {
        var root = Path.GetFullPath(directory);
        files = new PhysicalFileProvider(root, ExclusionFilters.Sensitive);
        realRoot = RealPath.Of(root) ?? root;
    }

    /// <summary>The file as it really is: a link is replaced by the file it names (whose size and name, hence content
    /// type, are the ones served), or not found when that file is outside the site or hidden.</summary>
    public IFileInfo GetFileInfo(string subpath)
    {
        var file = files.GetFileInfo(subpath);
        if (!file.Exists || file.PhysicalPath is null)
        {
            return file;
        }
        return RealInside(file.PhysicalPath) is { } real ? new PhysicalFileInfo(new FileInfo(real)) : new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath)
    {
        var contents = files.GetDirectoryContents(subpath);
        var directory = Path.Combine(files.Root, subpath.TrimStart('/'));
        return contents.Exists && RealInside(directory) is null ? NotFoundDirectoryContents.Singleton : contents;
    }

    /// <summary>Nothing is watched: the site is served as it is on disk at each request.</summary>
    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose() => files.Dispose();

    /// <summary>The path with its links resolved when that stays inside the site and names nothing hidden there, else null.</summary>
    private string? RealInside(string path)
    {
        if (RealPath.Of(path) is not { } real || !RealPath.IsWithin(real, realRoot))
        {
            return null;
        }
        return Path.GetRelativePath(realRoot, real).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.') && s != ".") ? null : real;
    }
}
