using System.Runtime.InteropServices;

namespace Gitbrief.Bench;

/// <summary>Takes a build's files out of the kernel's page cache, so that its first run reads them from disk as a run after
/// a reboot does, not from the pages the installer's writes left behind. Those are the freshly written file's own pages:
/// the installed native binary, run from them, took ~8% longer for a day without commits (44 against 40 ms, 30 pairs) than
/// the same bytes read back from disk (bench/README.md, "start12"). Only clean pages go, so nothing is lost.</summary>
internal static class PageCache
{
    private const int DontNeed = 4; // POSIX_FADV_DONTNEED on Linux

    /// <summary>Evicts every file of <paramref name="directory"/> (not recursively); returns how many. Not on Linux: 0.</summary>
    public static int Evict(string directory)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(directory))
        {
            return 0;
        }
        var evicted = 0;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read);
            evicted += posix_fadvise((int)handle.DangerousGetHandle(), 0, 0, DontNeed) == 0 ? 1 : 0;
        }
        return evicted;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int posix_fadvise(int fd, long offset, long length, int advice);
}
