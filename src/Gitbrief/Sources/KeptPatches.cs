using System.Collections.Concurrent;

namespace Gitbrief.Sources;

/// <summary>The patches of a window's commits, kept from the one read of the window (<see cref="CommitLogReader"/>) for
/// the LLM analyzer, so that it needs no <c>git show</c> per commit. Each is taken once; beyond
/// <see cref="MaxChars"/> characters in all, the commits read later are left to <c>git show</c>, so a backfill never
/// holds more than that.</summary>
internal sealed class KeptPatches
{
    /// <summary>Characters of hunks kept at most, all commits together.</summary>
    public const long MaxChars = 64L << 20;

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, FilePatch>> patches = new(StringComparer.Ordinal);
    private long chars;

    /// <summary>Whether another commit's patch may still be kept.</summary>
    public bool HasRoom => Interlocked.Read(ref chars) < MaxChars;

    public void Add(string sha, IReadOnlyDictionary<string, FilePatch> patch, long patchChars)
    {
        if (patches.TryAdd(sha, patch))
        {
            Interlocked.Add(ref chars, patchChars);
        }
    }

    /// <summary>The commit's patch, if kept, handed over once (it is not kept after).</summary>
    public bool TryTake(string sha, out IReadOnlyDictionary<string, FilePatch> patch)
    {
        if (patches.TryRemove(sha, out var kept))
        {
            patch = kept;
            return true;
        }
        patch = new Dictionary<string, FilePatch>();
        return false;
    }
}
