using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>Where a repository's code lives and changes: the source files of each directory and the recent changes
/// that touched them. It tells a commit in the repository's core from one in its periphery without any list of
/// names: the core is the part that holds most of the code and most of the recent work.</summary>
internal sealed class RepositoryProfile
{
    /// <summary>Below this many source files the structure says too little.</summary>
    private const int MinimumFiles = 12;

    /// <summary>A directory that holds more than this share of its parent's weight continues the trunk.</summary>
    private const double TrunkShare = 0.6;

    /// <summary>A part branching off the trunk with at least this share of the repository's weight is core.</summary>
    private const double CoreShare = 0.12;

    /// <summary>A part branching off the trunk outside it with less than this share is periphery.</summary>
    private const double PeripheryShare = 0.04;

    private const int MaxTrunkDepth = 5;

    /// <summary>A directory named in a "sync"/"bump" title holds at least this share when it is a bundled component.</summary>
    private const double ComponentShare = 0.05;

    private readonly Dictionary<string, DirectoryWeight> direct;
    private readonly Dictionary<string, DirectoryWeight> subtree = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> children = new(StringComparer.Ordinal);
    private readonly HashSet<string> trunk = new(StringComparer.Ordinal);

    /// <summary>The directories that hold enough of the code to be a bundled component (<see cref="ComponentNamed"/>), in the
    /// order it prefers them (shallowest, then by path): found once, not for every commit that names something.</summary>
    private readonly List<Component> components;

    /// <summary>The placements worked out so far, by directory (the days of a window are ranked in parallel).</summary>
    private readonly ConcurrentDictionary<string, Placement> placements = new(StringComparer.Ordinal);

    public static RepositoryProfile Empty { get; } = new(new Dictionary<string, DirectoryWeight>());

    public RepositoryProfile(IReadOnlyDictionary<string, DirectoryWeight> directCounts)
    {
        direct = new Dictionary<string, DirectoryWeight>(directCounts, StringComparer.Ordinal);
        foreach (var (directory, weight) in direct)
        {
            var path = directory;
            while (true)
            {
                subtree[path] = Add(subtree.GetValueOrDefault(path), weight);
                if (path.Length == 0)
                {
                    break;
                }
                var parent = Parent(path);
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }
                if (!list.Contains(path))
                {
                    list.Add(path);
                }
                path = parent;
            }
        }
        Total = subtree.GetValueOrDefault(string.Empty);
        OwnBundleRoots = [.. direct.Keys.Select(BundleRootOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        FindTrunk();
        // Nothing to order for the empty profile (a window without commits): its ThenBy, a generic virtual method, is resolved
        // at run time by the native build's type loader.
        components = subtree.Count == 0 ? [] : [.. subtree
            .Where(d => d.Key.Length > 0 && Share(d.Value) >= ComponentShare)
            .Select(d => new Component(d.Key, Name(d.Key), Stem(Name(d.Key)), Depth(d.Key)))
            .OrderBy(c => c.Depth)
            .ThenBy(c => c.Folder, StringComparer.Ordinal)];
    }

    private sealed record Component(string Folder, string Name, string Stem, int Depth)
    {
        /// <summary>What the paths of the files inside it start with.</summary>
        public string Inside { get; } = Folder + "/";
    }

    /// <summary>The source files of the whole repository and the recent changes to them.</summary>
    public DirectoryWeight Total { get; }

    public bool IsKnown => Total.Files >= MinimumFiles;

    /// <summary>The folders named as bundled code (<c>deps</c>) that hold the repository's own code (<see cref="AddOwnBundles"/>):
    /// the profile counts their directories.</summary>
    public IReadOnlyList<string> OwnBundleRoots { get; }

    /// <summary>The source files and recent changes of each directory, not counting subdirectories ("" is the root).</summary>
    public IReadOnlyDictionary<string, DirectoryWeight> DirectCounts => direct;

    /// <summary>The chain of directories, from the root down, that each hold most of their parent's code.</summary>
    public IReadOnlyCollection<string> Trunk => trunk;

    /// <summary>The profile of the repository at <paramref name="revision"/>: its tree's source files and the source files
    /// its recent commits changed, counted per directory as git lists them (no list of paths is held).</summary>
    public static async Task<RepositoryProfile> ReadAsync(string directory, string revision, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, int>(StringComparer.Ordinal);
        var changes = new Dictionary<string, int>(StringComparer.Ordinal);
        var bundledFiles = new Dictionary<string, int>(StringComparer.Ordinal);
        var bundledChanges = new Dictionary<string, int>(StringComparer.Ordinal);
        await RepositoryFilesReader.ReadAsync(directory, revision, path => CountSource(files, bundledFiles, path),
            path => CountSource(changes, bundledChanges, path), cancellationToken).ConfigureAwait(false);
        AddOwnBundles(files, changes, bundledFiles, bundledChanges);
        // Directories in the order they were first met, the tree's before the changes' (as the lists were counted).
        var counts = new Dictionary<string, DirectoryWeight>(StringComparer.Ordinal);
        foreach (var (folder, count) in files)
        {
            counts[folder] = new DirectoryWeight(count, 0);
        }
        foreach (var (folder, count) in changes)
        {
            counts[folder] = counts.GetValueOrDefault(folder) with { Changes = count };
        }
        return new RepositoryProfile(counts);
    }

    /// <summary>Counts a source file in its directory (the directory's name made a string only the first time); one under a
    /// folder whose name only may mean bundled code (<c>deps/</c>) in <paramref name="bundled"/>.</summary>
    private static void CountSource(Dictionary<string, int> counts, Dictionary<string, int> bundled, string path)
    {
        var role = FileClassifier.Classify(path);
        if (role == FileRole.Vendored && FileClassifier.InsideAmbiguousBundle(path) is { Role: FileRole.Source })
        {
            Count(bundled, path);
        }
        else if (role == FileRole.Source)
        {
            Count(counts, path);
        }
    }

    /// <summary>RabbitMQ keeps every one of its own applications under <c>deps/</c>: a folder whose name only may mean bundled
    /// code, and that most of the recent changes to source files land in, is the repository's own (a bundled library is
    /// synced now and then, not worked on every day). Its directories join the profile, which then classifies its files as
    /// the repository's own (<see cref="OwnBundleRoots"/>).</summary>
    private static void AddOwnBundles(Dictionary<string, int> files, Dictionary<string, int> changes,
        Dictionary<string, int> bundledFiles, Dictionary<string, int> bundledChanges)
    {
        var own = changes.Values.Sum();
        foreach (var root in bundledChanges.Keys.Select(BundleRootOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
        {
            var inside = root + "/";
            bool Under(string directory) => directory == root || directory.StartsWith(inside, StringComparison.Ordinal);
            if (bundledChanges.Where(d => Under(d.Key)).Sum(d => d.Value) <= own)
            {
                continue;
            }
            foreach (var (folder, count) in bundledFiles.Where(d => Under(d.Key)))
            {
                files[folder] = count;
            }
            foreach (var (folder, count) in bundledChanges.Where(d => Under(d.Key)))
            {
                changes[folder] = count;
            }
        }
    }

    /// <summary>The folder named as bundled code (<c>deps</c>) that <paramref name="directory"/> lies in, or null.</summary>
    private static string? BundleRootOf(string directory) =>
        directory.AsSpan().IndexOfAny(BundleNameStarts) >= 0 && FileClassifier.AmbiguousBundleRootLength(directory + "/") is > 0 and var length
            ? directory[..length]
            : null;

    /// <summary>What a folder named <c>deps</c>, <c>external</c> or <c>extern</c> starts with: most directories hold none
    /// of these letters' words, and are passed over without a string or a look-up per segment.</summary>
    private static readonly System.Buffers.SearchValues<string> BundleNameStarts =
        System.Buffers.SearchValues.Create(["deps", "extern"], StringComparison.OrdinalIgnoreCase);

    private static void Count(Dictionary<string, int> counts, string path)
    {
        var slash = path.LastIndexOf('/');
        var parent = slash < 0 ? ReadOnlySpan<char>.Empty : path.AsSpan(0, slash);
        CollectionsMarshal.GetValueRefOrAddDefault(counts.GetAlternateLookup<ReadOnlySpan<char>>(), parent, out _)++;
    }

    /// <summary>Where a file lies: in the part that branches off the trunk at the deepest trunk directory above it.
    /// Worked out once per directory (a commit touching 20,000 files lies in a few hundred).</summary>
    public Placement PlacementOf(string path)
    {
        if (!IsKnown)
        {
            return Placement.Unknown;
        }
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        var directory = slash < 0 ? ReadOnlySpan<char>.Empty : normalized.AsSpan(0, slash);
        var known = placements.GetAlternateLookup<ReadOnlySpan<char>>();
        if (known.TryGetValue(directory, out var placement))
        {
            return placement;
        }
        placement = PlacementIn(directory.ToString());
        known.TryAdd(directory, placement);
        return placement;
    }

    private Placement PlacementIn(string directory)
    {
        var branch = BranchOf(directory);
        if (branch is null)
        {
            // Directly in a trunk directory: the deepest one is the heart of the code, the others hold entry points
            // and odds and ends.
            return IsTrunkEnd(directory) ? Placement.Core : Placement.Normal;
        }
        var share = Share(subtree.GetValueOrDefault(branch));
        var parent = Parent(branch);
        if (share >= CoreShare)
        {
            return Placement.Core;
        }
        // Only parts that branch off high up (outside the main code) are periphery; a small module deep inside the
        // main code is still the product. A flat repository (no directory holds most of the code: one package per
        // top-level directory, as Go projects are laid out) has no "outside": its small packages are the product too.
        var outside = parent.Length == 0 ? trunk.Count > 1 : !IsTrunkEnd(parent) && Depth(parent) < 2;
        return share < PeripheryShare && outside ? Placement.Periphery : Placement.Normal;
    }

    /// <summary>A directory of the repository (its path and its name) that one of <paramref name="words"/> names and that
    /// holds a sizeable part of its code (a bundled engine or library synced into the tree), or null. A top-level directory
    /// counts by its name alone (the commit recording a sync may touch only a revision file); a deeper one
    /// (<c>ml/backend/ggml/ggml</c>) only when at least a third of <paramref name="changed"/> lies inside it.</summary>
    public (string Folder, string Name)? ComponentNamed(IEnumerable<string> words, IReadOnlyList<string> changed)
    {
        if (!IsKnown)
        {
            return null;
        }
        var wanted = words.Where(w => w.Length >= 3).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return components
            .Where(c => (wanted.Contains(c.Name) || wanted.Contains(c.Stem)) && !GenericDirectories.Contains(c.Name.ToLowerInvariant()))
            .Where(c => c.Depth == 1 || changed.Count(p => p.StartsWith(c.Inside, StringComparison.Ordinal)) * 3 >= changed.Count)
            .Select(c => ((string Folder, string Name)?)(c.Folder, c.Name))
            .FirstOrDefault();
    }

    private static string Name(string directory) => directory[(directory.LastIndexOf('/') + 1)..];

    /// <summary>A directory name before its first dot ("llama" of "llama.cpp"), as a title's words split it; the whole
    /// name when that part is too short to name anything.</summary>
    private static string Stem(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot >= 3 ? name[..dot] : name;
    }

    /// <summary>Directory names that say nothing about what they hold.</summary>
    private static readonly HashSet<string> GenericDirectories = new(StringComparer.Ordinal)
    {
        "src", "lib", "libs", "include", "core", "common", "utils", "util", "internal", "pkg", "cmd", "app", "apps", "packages",
        "crates", "modules", "source", "sources", "main", "python", "cpp", "csrc", "test", "tests", "tools", "scripts", "docs",
    };

    private string? BranchOf(string directory)
    {
        if (trunk.Contains(directory))
        {
            return null;
        }
        var path = directory;
        while (path.Length > 0 && !trunk.Contains(Parent(path)))
        {
            path = Parent(path);
        }
        return path;
    }

    private bool IsTrunkEnd(string directory) =>
        trunk.Contains(directory) && !(children.TryGetValue(directory, out var list) && list.Any(trunk.Contains));

    private void FindTrunk()
    {
        var node = string.Empty;
        trunk.Add(node);
        for (var depth = 0; depth < MaxTrunkDepth && children.TryGetValue(node, out var list); depth++)
        {
            var whole = Weight(subtree.GetValueOrDefault(node));
            var biggest = list.OrderByDescending(c => Weight(subtree.GetValueOrDefault(c))).ThenBy(c => c, StringComparer.Ordinal).First();
            if (whole <= 0 || Weight(subtree.GetValueOrDefault(biggest)) <= TrunkShare * whole)
            {
                break;
            }
            trunk.Add(biggest);
            node = biggest;
        }
    }

    /// <summary>Half structure (files), half history (recent changes), each as a share of the repository.</summary>
    private double Share(DirectoryWeight weight) => Weight(weight);

    private double Weight(DirectoryWeight weight)
    {
        var files = Total.Files > 0 ? (double)weight.Files / Total.Files : 0;
        var changes = Total.Changes > 0 ? (double)weight.Changes / Total.Changes : files;
        return (files + changes) / 2;
    }

    private static DirectoryWeight Add(DirectoryWeight a, DirectoryWeight b) => new(a.Files + b.Files, a.Changes + b.Changes);

    private static int Depth(string directory) => directory.Length == 0 ? 0 : directory.Count(c => c == '/') + 1;

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }
}
