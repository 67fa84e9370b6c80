using System.Globalization;
using System.Text.RegularExpressions;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>A commit that updates dependencies: routine (a patch or minor bump, a bot's update), major (a new major
/// version), or engine (a pinned runtime the product bundles, moved by hand). <paramref name="Shipped"/>: a major bump
/// whose title says from which version to which, of a dependency the product runs with (not a dev-dependency, linter,
/// test library or type definitions).</summary>
internal sealed partial record DependencyBump(DependencyBumpKind Kind, string What, bool Shipped = false)
{
    /// <summary>Only the maintainers run what it moves (<see cref="IsDevelopmentTool"/>): a "[security]" bump of it fixes
    /// nothing a user runs ("update dependency @types/pg to v8.20.0 [security]").</summary>
    public bool DevelopmentOnly { get; private init; }

    /// <summary>An engine sync without a version in its title moves at least this many files.</summary>
    private const int EngineFiles = 3;

    /// <summary>More changed source lines than this is more than a bump.</summary>
    private const int SourceLines = 12;

    public static DependencyBump? Read(
        CommitRecord commit, List<string> title, IReadOnlyList<ClassifiedFile> files, IReadOnlyList<ClassifiedFile> product, bool automated,
        RepositoryProfile profile)
    {
        if (SubmoduleOf(commit, title, files, automated) is { } submodule)
        {
            return submodule;
        }
        // "chore: bump chromium to 149.0.7813.0" moving DEPS and patches/chromium/…: the product keeps its own patches of
        // what the title names, so it builds that engine in — whoever moves it, a roller bot too.
        if (title.Any(Vocabulary.Update.Contains) && VersionLike().IsMatch(commit.Title) && PatchedComponentIn(title, files) is { } patched)
        {
            return new DependencyBump(DependencyBumpKind.Engine, patched);
        }
        // "sync : ggml", "bump sgl-kernel to 0.3.5": a component the repository carries in its own tree.
        // A bump moves a version or many files of the component: "Studio: lock the last GPU switch" edits one file of a
        // top-level folder named in the title, which is no engine upgrade.
        var manifests = files.Where(f => f.Role is FileRole.DependencyManifest or FileRole.Lockfile).ToList();
        if (!automated && profile.ComponentNamed(NextToUpdateWords(title), files.Select(f => f.Change.Path).ToList()) is ({ } folder, { } component)
            && (files.Count >= EngineFiles || title.Contains("sync") || VersionLike().IsMatch(commit.Title))
            // "Update patch doc": the documentation of the component, not the component.
            && !title.Any(Vocabulary.DocumentationWords.Contains)
            // "Update api version to v1.12.0-beta.0" in go.mod and vendor/…/containerd/api/: the repository's own module,
            // published apart and required like any other, moves in the manifests while its folder stays as it was.
            && !(manifests.Count > 0 && !files.Any(f => f.Change.Path.StartsWith(folder + "/", StringComparison.Ordinal)))
            // "Upgrade semconv to 1.34.0 in trace" points trace/'s imports at the repository's own semconv/v1.34.0/: nothing
            // of the component moves (a "sync : ggml" moves the marker of the synced revision, which lives elsewhere).
            && (title.Contains("sync") || files.Any(f => f.Change.Path.StartsWith(folder + "/", StringComparison.Ordinal)))
            // "Bump pylint to 4.0.0" moves nothing of pylint/ but its __pkginfo__.py, "Bump hypothesis-python version to 6.136.7"
            // nothing of hypothesis-python/ but its version.py and release notes: the project's own version.
            && !OnlyVersionFilesInside(folder, files)
            // "[Weight Sync Orchestrator 2/N] Route sync_weights through …" in tunix/experimental/orchestrator/: what lives
            // under an experimental or preview folder is the product's own work in progress, not the engine it bundles.
            && !folder.Split('/').Any(Vocabulary.GatedDirectories.Contains))
        {
            return new DependencyBump(DependencyBumpKind.Engine, component);
        }
        // "Update vendored SQLite to 3.46", "bump llama.cpp to b6840": most of the commit is a vendored copy of what the
        // title names (third_party/sqlite/…, vendor/llama.cpp/…), moved by a person rather than by a package manager.
        if (!automated && manifests.Count == 0 && VendoredComponent(title, files) is { } vendored)
        {
            return new DependencyBump(DependencyBumpKind.Engine, vendored);
        }
        var dockerfiles = files.Where(f => f.Role == FileRole.Build && Path.GetFileName(f.Change.Path).Contains("Dockerfile", StringComparison.OrdinalIgnoreCase)).ToList();
        var updating = title.Where((word, i) => Vocabulary.Update.Contains(word) && !IsNounLock(title, i)).Any()
            || title.Contains("deps") || title.Contains("dependency") || title.Contains("dependencies");
        if (!updating || manifests.Count + dockerfiles.Count == 0)
        {
            return null;
        }
        var otherLines = product
            .Where(f => f.Role is not (FileRole.DependencyManifest or FileRole.Lockfile or FileRole.Build or FileRole.Config))
            .Sum(f => f.Change.Additions + f.Change.Deletions);
        if (otherLines > SourceLines)
        {
            return null;
        }
        var what = WhatOf(commit.Title);
        var development = IsDevelopmentTool(commit.Title, what);
        if (NewMajorVersion(commit.Title) && !development)
        {
            return new DependencyBump(DependencyBumpKind.Major, what, Shipped: true);
        }
        return new DependencyBump(MajorBump().IsMatch(commit.Title) || title.Contains("major") ? DependencyBumpKind.Major : DependencyBumpKind.Routine, what)
        {
            DevelopmentOnly = development,
        };
    }

    /// <summary>"treat lock file as stale", "the lock files of the dev server": a lock, not the verb that pins versions.</summary>
    private static bool IsNounLock(List<string> title, int at) =>
        title[at] == "lock" && at + 1 < title.Count && title[at + 1] is "file" or "files";

    /// <summary>"feat: update llama.cpp to af6528e6d", "Auto updated submodule references": a person moves a submodule of
    /// the product (not of its tests or docs) and the title updates it, by its name or as a submodule. The bundled engine
    /// moves while no file of the repository changes, so this is read even where every other file is docs.</summary>
    public static DependencyBump? SubmoduleOf(CommitRecord commit, List<string> title, IReadOnlyList<ClassifiedFile> files, bool automated)
    {
        if (automated || !title.Any(Vocabulary.Update.Contains))
        {
            return null;
        }
        var moved = Submodule.ProductMovedIn(commit, files).ToList();
        // "bump oneDNN to v3.7.2" moving third_party/ideep alone: the engine goes by another name than its folder, and the
        // commit is nothing but the move (and its changelog line) to the revision the title names; the product's patches
        // onto the engine move with it ("Update Code to 1.124.2": lib/vscode and patches/webview.diff).
        var alone = moved.Count > 0 && files.All(f => moved.Contains(f) || !f.IsMeaningful || f.Role == FileRole.Docs || IsPatch(f.Change.Path));
        var named = title.Contains("submodule") || title.Contains("submodules") || alone && VersionLike().IsMatch(commit.Title);
        var name = moved
            .Select(f => SubmoduleNameIn(title, f.Change.Path) ?? (named ? f.Change.Path : null))
            .FirstOrDefault(name => name is not null);
        return name is null ? null : new DependencyBump(DependencyBumpKind.Engine, name);
    }

    /// <summary>The name a title calls the submodule at <paramref name="path"/> by when it names it: its folder's name
    /// ("flash-attention" for <c>third_party/flash-attention</c>) or that name's stem ("llama" for <c>vendor/llama.cpp</c>,
    /// "flash"), at least three letters long.</summary>
    private static string? SubmoduleNameIn(List<string> title, string path)
    {
        var folder = path[(path.LastIndexOf('/') + 1)..].ToLowerInvariant();
        var stem = StemOf(folder);
        return title.FirstOrDefault(w => w == folder || stem.Length >= 3 && (w == stem || w.StartsWith(stem + "-", StringComparison.Ordinal)));
    }

    /// <summary>The name a title calls a component by whose patches the commit moves: "chromium" for
    /// <c>patches/chromium/can_create_window.patch</c>, "node" for <c>patches/node/….patch</c>.</summary>
    private static string? PatchedComponentIn(List<string> title, IReadOnlyList<ClassifiedFile> files)
    {
        foreach (var file in files)
        {
            // The folder right under the first "patches" folder, with a file inside it.
            var segments = file.Change.Path.Split('/');
            var at = Array.IndexOf(segments, "patches");
            if (at >= 0 && at + 2 < segments.Length && segments[at + 1].Length > 0 && SubmoduleNameIn(title, segments[at + 1]) is { } name)
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>A patch file (<c>patches/webview.diff</c>, <c>0001-fix.patch</c>): what the product changes in the engine.</summary>
    private static bool IsPatch(string path) =>
        path.EndsWith(".patch", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".diff", StringComparison.OrdinalIgnoreCase);

    /// <summary>A folder or file name's first word, lower-cased: "llama" for "llama.cpp", "flash" for "flash-attention".</summary>
    private static string StemOf(string name) => name.Split('.', '-', '_')[0].ToLowerInvariant();

    /// <summary>The name of the vendored component a title updates, when vendored files are at least half of the commit's
    /// files and a folder or file inside the vendored tree bears a name of the title ("llama" for <c>vendor/llama.cpp/</c>).</summary>
    private static string? VendoredComponent(List<string> title, IReadOnlyList<ClassifiedFile> files)
    {
        var vendored = files.Where(f => f.Role == FileRole.Vendored).ToList();
        if (vendored.Count == 0 || vendored.Count * 2 < files.Count || !title.Any(Vocabulary.Update.Contains))
        {
            return null;
        }
        var names = vendored
            .SelectMany(f => f.Change.Path.Split('/'))
            .Select(StemOf)
            .Where(stem => stem.Length >= 3 && !Vocabulary.Update.Contains(stem))
            .ToHashSet(StringComparer.Ordinal);
        return title.FirstOrDefault(w => w.Length >= 3 && names.Contains(w) && !VendorFolders.Contains(w));
    }

    /// <summary>Folder names that hold vendored code: "update vendor" names no component.</summary>
    private static readonly HashSet<string> VendorFolders = new(
        ["vendor", "vendored", "third_party", "thirdparty", "3rdparty", "external", "deps", "node_modules", "src", "include", "lib"], StringComparer.Ordinal);

    /// <summary>The words an update word moves: the one right after it when nothing but a version, "to", "from" or
    /// "and" follows ("sync : ggml", "bump sgl-kernel to 0.3.5", "Sync vendored typeshed and …"), and the one or two right
    /// before it when it ends the title or a version follows ("ggml update to b6840", "llama.cpp: update to b6840", "mlx
    /// update"). Not the words around an update word with an object of its own ("Studio: sync linked folders", "Fix mix
    /// sync lock_N files", "studio update: fail instead of …").</summary>
    private static IEnumerable<string> NextToUpdateWords(List<string> title)
    {
        var words = title.Where(w => !UpdateFillers.Contains(w)).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            if (!Vocabulary.Update.Contains(words[i]))
            {
                continue;
            }
            // A name with a dot is two words: "update llama.cpp to b6840".
            if (i + 1 < words.Count && (EndsTheUpdate(words, i + 2) || EndsTheUpdate(words, i + 3)))
            {
                yield return words[i + 1];
            }
            if (EndsTheUpdate(words, i + 1))
            {
                if (i > 0)
                {
                    yield return words[i - 1];
                }
                // "llama.cpp: update to b6840" splits into "llama", "cpp", "update": the name is two words back.
                if (i > 1)
                {
                    yield return words[i - 2];
                }
            }
        }
    }

    /// <summary>Words between an update word and what it moves.</summary>
    private static readonly HashSet<string> UpdateFillers = new(["the", "vendored", "bundled", "upstream"], StringComparer.Ordinal);

    /// <summary>Whether the update ends at word <paramref name="index"/>: the title ends, or a version, "to", "from" or
    /// "and" comes next.</summary>
    private static bool EndsTheUpdate(List<string> words, int index) =>
        index >= words.Count || words[index] is "to" or "from" or "and" || char.IsAsciiDigit(words[index][0]) || VersionWord().IsMatch(words[index]);

    private static string WhatOf(string title)
    {
        var match = Subject().Match(title);
        return match.Success ? match.Groups["name"].Value : title.Trim();
    }

    /// <summary>"bump which from 7.0.2 to 8.0.0", "Bump web-time from 0.2.4 to 1.0.0": the bump crosses a major version
    /// (a 0.x one reaching 1.0 too; 0.29 → 0.30, which Go modules and dependabot make every week, does not).</summary>
    private static bool NewMajorVersion(string title)
    {
        var match = FromTo().Match(title);
        return match.Success
            && int.TryParse(match.Groups["from"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(match.Groups["to"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && to > from;
    }

    /// <summary>A dependency only the maintainers run: a dev-dependency group ("build(deps-dev): bump c8 …", "update
    /// devDependencies (non-major)"), a linter, a test library or type definitions ("flutter_lints", "serial_test", "@types/mocha").</summary>
    private static bool IsDevelopmentTool(string title, string what) =>
        title.Contains("deps-dev", StringComparison.OrdinalIgnoreCase) || title.Contains("dev-dependencies", StringComparison.OrdinalIgnoreCase)
        || title.Contains("devdependencies", StringComparison.OrdinalIgnoreCase) || title.Contains("dev dependencies", StringComparison.OrdinalIgnoreCase)
        || DevelopmentToolName().IsMatch(what);

    /// <summary>Whether the files of the commit inside <paramref name="folder"/> are all version files and release notes, or the
    /// version line of the folder's own manifest.</summary>
    private static bool OnlyVersionFilesInside(string folder, IReadOnlyList<ClassifiedFile> files)
    {
        var inside = files.Where(f => f.Change.Path.StartsWith(folder + "/", StringComparison.Ordinal)).ToList();
        // "chore: bump core-components to 5.2.2 to enable publish to 5.2.3": the version line of the package's own
        // manifest, and nothing of the product that requires it, moves: the repository publishes its own package.
        var ownManifestOnly = !files.Any(f => f.Role is FileRole.DependencyManifest or FileRole.Lockfile && !inside.Contains(f));
        return inside.Count > 0 && inside.All(f => VersionFile().IsMatch(f.Change.Path)
            || ownManifestOnly && f.Role == FileRole.DependencyManifest && f.Change.Path.LastIndexOf('/') == folder.Length
                && f.Change.Additions <= 1 && f.Change.Deletions <= 1);
    }

    [GeneratedRegex(@"(^|/)(__pkginfo__|__version__|_version|version)\.\w+$|(^|/)VERSION$|(^|/)(CHANGELOG|CHANGES|HISTORY|NEWS|RELEASE)[^/]*$|(^|/)changelog\.\w+$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionFile();

    [GeneratedRegex(@"\bv?\d+\.\d+|\bb\d{3,}\b|\b[0-9a-f]{7,40}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionLike();

    /// <summary>One word of a version: "v1", "b6840", a commit id.</summary>
    [GeneratedRegex(@"^(v\d+|b\d{3,}|[0-9a-f]{7,40})$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionWord();

    [GeneratedRegex(@"\bto v?\d+(\.x)?(\s|$|\))|\bv\d+\s*\(major\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MajorBump();

    [GeneratedRegex(@"\bfrom v?(?<from>\d{1,6})\.\d+[\w.+-]* to v?(?<to>\d{1,6})\.\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromTo();

    [GeneratedRegex(@"lint|test|mock|^@types/|(^|[/_.-])types?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DevelopmentToolName();

    [GeneratedRegex(@"(bump|update|upgrade|pin|sync)s?\s+(dependency\s+|module\s+|the\s+)?(?<name>[\w@/.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Subject();
}
