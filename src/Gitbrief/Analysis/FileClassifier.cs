using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>Gives every changed path a <see cref="FileRole"/>. The first matching rule wins, in this order:
/// binary, vendored, lockfile, generated, CI, dependency manifest, build, test, docs, config, source.
/// A Markdown file under tests/ is a test fixture (Test), because it changes with the tests. A commit's script or style
/// sheet changed beside its own source map or minified copy is a rebuilt bundle (Generated).</summary>
internal static class FileClassifier
{
    private static readonly HashSet<string> BinaryExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".ico", ".webp", ".tiff", ".pdf", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z",
        ".tar", ".jar", ".war", ".so", ".dylib", ".dll", ".exe", ".a", ".o", ".lib", ".bin", ".woff", ".woff2", ".ttf", ".otf",
        ".eot", ".mp3", ".mp4", ".wav", ".ogg", ".mov", ".avi", ".onnx", ".safetensors", ".pt", ".pth", ".ckpt", ".npy", ".npz",
        ".pkl", ".parquet", ".db", ".sqlite", ".wasm", ".pyc", ".class", ".psd",
    };

    private static readonly HashSet<string> VendoredSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "vendor", "vendored", "third_party", "third-party", "thirdparty", "3rdparty", "node_modules", "external", "extern", "deps",
    };

    private static readonly HashSet<string> LockfileNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "Cargo.lock", "poetry.lock", "uv.lock",
        "Pipfile.lock", "go.sum", "composer.lock", "Gemfile.lock", "packages.lock.json", "flake.lock", "pdm.lock", "mix.lock",
        "pubspec.lock", "Podfile.lock", "gradle.lockfile", "conda-lock.yml", "requirements.lock", "deno.lock",
    };

    private static readonly HashSet<string> GeneratedSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "generated", "__generated__", "gen", "dist", "build-output", "__snapshots__", "autogen",
    };

    private static readonly string[] GeneratedSuffixes =
    [
        ".pb.go", "_pb2.py", "_pb2_grpc.py", ".pb.h", ".pb.cc", ".generated.cs", ".g.cs", ".designer.cs", ".min.js", ".min.css",
        ".map", ".snap", "_generated.go", ".gen.go", ".pb.ts",
    ];

    private static readonly HashSet<string> ManifestNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "package.json", "Cargo.toml", "pyproject.toml", "go.mod", "Gemfile", "pom.xml", "build.gradle", "build.gradle.kts",
        "setup.py", "setup.cfg", "environment.yml", "environment.yaml", "Pipfile", "composer.json", "mix.exs", "pubspec.yaml",
        "Podfile", "vcpkg.json", "conanfile.txt", "conanfile.py", "Directory.Packages.props", "packages.config", "deno.json",
        "libs.versions.toml",
    };

    private static readonly HashSet<string> BuildNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Makefile", "GNUmakefile", "CMakeLists.txt", "Dockerfile", "BUILD", "BUILD.bazel", "WORKSPACE", "MODULE.bazel",
        "meson.build", "build.rs", "build.sh", "Justfile", "justfile", "Taskfile.yml", "Rakefile", "SConstruct", "Directory.Build.props",
        "Directory.Build.targets", "setup.sh", "configure", "configure.ac", "Makefile.am", "docker-compose.yml", "docker-compose.yaml",
        ".dockerignore", "Containerfile", "global.json",
    };

    private static readonly HashSet<string> BuildExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cmake", ".bazel", ".bzl", ".mk", ".gradle", ".csproj", ".fsproj", ".vcxproj", ".sln", ".slnx", ".props", ".targets", ".dockerfile",
    };

    private static readonly HashSet<string> TestSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "__tests__", "spec", "specs", "testing", "testdata", "test_data", "fixtures", "__fixtures__", "__mocks__", "e2e", "benchmarks",
        "autotest", "autotests", "regress", "regression", "regressions", "testsuite", "test-suite", "unittests", "unit_tests",
        "unit-tests", "integration_tests", "integration-tests",
        // Helpers only tests use: Go's `internal/testutil`, Rust's `test-utils` crate.
        "testutil", "testutils", "test-utils", "test_utils", "test-util", "test_util", "testhelpers", "test-helpers", "test_helpers",
        "test-support", "test_support", "testkit", "test-kit", "testlib", "test-lib",
        // Fuzzing harnesses and Rust's bench targets exercise the product; nothing under them ships.
        "fuzz", "fuzzing", "fuzzer", "fuzzers", "fuzz_targets", "fuzz-targets", "benches",
        // The expected outputs tests compare against: golden files.
        "golden", "goldens", "golden-files", "golden_files",
    };

    /// <summary>Configuration of a test runner or coverage tool: it changes how tests run, nothing that ships.</summary>
    private static readonly HashSet<string> TestToolNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ".coveragerc", "pytest.ini", ".nycrc", ".nycrc.json", ".mocharc.json", ".mocharc.yml", "phpunit.xml", "phpunit.xml.dist",
    };

    /// <summary>Test-runner configuration files by their stem: <c>jest.config.ts</c>, <c>vitest.config.mjs</c>.</summary>
    private static readonly string[] TestToolStems = ["jest.config", "vitest.config", "karma.conf", "playwright.config", "cypress.config"];

    /// <summary>Folders of coding agents' skills, prompts and hooks: the repository's own automation.</summary>
    private static readonly string[] AgentFolders = [".claude/", ".cursor/", ".codex/", ".gemini/", ".agents/", ".windsurf/", ".opencode/"];

    /// <summary>The settings of the repository's own developer tools — formatters, linters, spell checkers, commit hooks,
    /// ignore lists, editors: changing them changes nothing a user installs ("clang: Add clang format file", "Fix .gitignore
    /// paths after examples moved").</summary>
    private static readonly HashSet<string> DeveloperToolNames = new(StringComparer.Ordinal)
    {
        ".clang-format", ".clang-tidy", ".clangd", ".editorconfig", ".gitignore", ".mailmap", ".git-blame-ignore-revs",
        ".pre-commit-config.yaml", ".pre-commit-config.yml", ".prettierrc", ".prettierrc.json", ".prettierrc.yaml", ".prettierrc.yml",
        ".prettierrc.js", ".prettierrc.cjs", ".prettierrc.mjs", ".prettierignore", ".eslintrc", ".eslintrc.json", ".eslintrc.js",
        ".eslintrc.cjs", ".eslintrc.yml", ".eslintrc.yaml", ".eslintignore", "eslint.config.js", "eslint.config.mjs", "eslint.config.cjs",
        "eslint.config.ts", ".flake8", ".pylintrc", "pylintrc", ".isort.cfg", ".markdownlint.json", ".markdownlint.yaml",
        ".markdownlint.yml", ".markdownlint-cli2.yaml", ".markdownlintignore", ".yamllint", ".yamllint.yml", ".yamllint.yaml",
        "rustfmt.toml", ".rustfmt.toml", "clippy.toml", ".clippy.toml", ".golangci.yml", ".golangci.yaml", ".codespellrc",
        "typos.toml", "_typos.toml", ".typos.toml", "cspell.json", ".cspell.json", "cspell.config.yaml", ".swiftlint.yml",
        ".stylelintrc", ".stylelintrc.json", ".shellcheckrc", ".hadolint.yaml", "lefthook.yml", ".lintstagedrc", ".lintstagedrc.json",
    };

    private static readonly string[] DeveloperToolFolders = [".husky/", ".vscode/", ".idea/", ".devcontainer/", ".zed/"];

    private static readonly HashSet<string> DocExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".markdown", ".rst", ".adoc", ".asciidoc", ".txt", ".tex", ".ipynb", ".mdx", ".ronn", ".mdoc", ".man",
    };

    private static readonly HashSet<string> DocNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "NOTICE", "AUTHORS", "CONTRIBUTORS", "CHANGELOG", "CHANGES", "README", "CODEOWNERS", "NEWS",
        "HISTORY", "THANKS", "MAINTAINERS", "MANUAL",
    };

    private static readonly HashSet<string> ConfigExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".yaml", ".yml", ".json", ".toml", ".ini", ".cfg", ".conf", ".properties", ".env", ".xml", ".plist", ".editorconfig",
        ".gitignore", ".gitattributes", ".prettierrc", ".eslintrc", ".flake8", ".pylintrc", ".clang-format", ".clang-tidy",
    };

    private static readonly HashSet<string> SourceExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".py", ".pyi", ".pyx", ".rs", ".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx", ".cu", ".cuh", ".go", ".js", ".jsx",
        ".mjs", ".cjs", ".ts", ".tsx", ".java", ".kt", ".kts", ".scala", ".cs", ".fs", ".vb", ".swift", ".m", ".mm", ".rb", ".php",
        ".lua", ".sh", ".bash", ".zsh", ".ps1", ".pl", ".pm", ".r", ".jl", ".dart", ".ex", ".exs", ".erl", ".hs", ".ml", ".mli",
        ".clj", ".zig", ".nim", ".v", ".sv", ".vhd", ".sql", ".proto", ".graphql", ".vue", ".svelte", ".html", ".css", ".scss",
        ".less", ".metal", ".triton", ".s", ".asm", ".f90", ".cl", ".glsl", ".hlsl", ".wgsl", ".mojo",
    };

    /// <summary>What a directory's name says of the files under it; a name can say several things.</summary>
    [Flags]
    private enum DirectoryKinds
    {
        None = 0,
        Vendored = 1,
        Generated = 2,
        Ci = 4,
        Test = 8,
        Docs = 16,
        Translations = 32,
    }

    /// <summary>Every directory name that says something, with all it says: one look-up per directory of a path instead
    /// of one per set (a commit touching 20,000 files, a tree of 20,000 paths).</summary>
    private static readonly Dictionary<string, DirectoryKinds> DirectoryNames = BuildDirectoryNames();

    private static Dictionary<string, DirectoryKinds> BuildDirectoryNames()
    {
        var names = new Dictionary<string, DirectoryKinds>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<string> set, DirectoryKinds kind)
        {
            foreach (var name in set)
            {
                names[name] = names.GetValueOrDefault(name) | kind;
            }
        }
        Add(VendoredSegments, DirectoryKinds.Vendored);
        Add(GeneratedSegments, DirectoryKinds.Generated);
        Add(["ci"], DirectoryKinds.Ci);
        Add(TestSegments, DirectoryKinds.Test);
        // Release notes kept as one fragment a change (reno's releasenotes/notes/*.yaml, towncrier's newsfragments/,
        // changesets): what the changelog will say, whatever the fragment's format.
        Add(["docs", "doc", "releasenotes", "release-notes", "release_notes", "newsfragments", "changelog.d", ".changeset"], DirectoryKinds.Docs);
        Add(["i18n", "l10n", "locale", "locales", "lang", "langs", "translations"], DirectoryKinds.Translations);
        return names;
    }

    /// <summary>What the directories of a path (its non-empty segments before its name) say, together.</summary>
    private static DirectoryKinds KindsOf(ReadOnlySpan<char> directories)
    {
        var kinds = DirectoryKinds.None;
        foreach (var range in directories.Split('/'))
        {
            var segment = directories[range];
            if (!segment.IsEmpty && DirectoryNameLookup.TryGetValue(segment, out var said))
            {
                kinds |= said;
            }
            else if (IsTestPackage(segment))
            {
                kinds |= DirectoryKinds.Test;
            }
        }
        return kinds;
    }

    /// <summary>A package of tests named after what it tests: <c>crates/engine-tests</c>, <c>packages/router-test</c>, a .NET
    /// test project <c>Refit.Tests/</c>, <c>Foo.UnitTests/</c>, <c>Foo.IntegrationTests/</c>, or its expected outputs:
    /// Wire's <c>wire-golden-files/</c>.</summary>
    private static bool IsTestPackage(ReadOnlySpan<char> segment) =>
        segment.EndsWith("-golden-files", StringComparison.OrdinalIgnoreCase) ||
        segment.EndsWith("-test", StringComparison.OrdinalIgnoreCase) || segment.EndsWith("-tests", StringComparison.OrdinalIgnoreCase)
        || segment.EndsWith("_tests", StringComparison.OrdinalIgnoreCase) || segment.EndsWith("-testing", StringComparison.OrdinalIgnoreCase)
        || segment.EndsWith(".Tests", StringComparison.Ordinal) || segment.EndsWith(".Test", StringComparison.Ordinal)
        || segment.EndsWith(".UnitTests", StringComparison.Ordinal) || segment.EndsWith(".IntegrationTests", StringComparison.Ordinal);

    private static readonly Dictionary<string, DirectoryKinds>.AlternateLookup<ReadOnlySpan<char>> DirectoryNameLookup =
        DirectoryNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A commit's files with their roles, in a list of their number: Native AOT's LINQ (size-optimized) grows the list of a
    /// <c>Select(…).ToList()</c> by doubling, which for 20,000 files allocates it about twice, its larger arrays on the large
    /// object heap.</summary>
    public static List<ClassifiedFile> Classify(IReadOnlyList<FileChange> changes)
    {
        var files = new List<ClassifiedFile>(changes.Count);
        var builtOutputs = BuildOutputsIn(changes);
        foreach (var change in changes)
        {
            // "Update assets": priv/static/app.js beside its app.js.map or app.min.js, all rebuilt — a bundle built from the sources.
            var role = builtOutputs is not null && IsBuiltBundle(change.Path, builtOutputs) ? FileRole.Generated : Classify(change);
            files.Add(new ClassifiedFile(change, role));
        }
        return files;
    }

    /// <summary>The paths of the build outputs a commit changes — source maps (<c>*.map</c>) and minified files
    /// (<c>*.min.js</c>, <c>*.min.css</c>) — or null when it changes none (most commits: no set is built for them).</summary>
    private static HashSet<string>? BuildOutputsIn(IReadOnlyList<FileChange> changes)
    {
        HashSet<string>? built = null;
        foreach (var change in changes)
        {
            if (change.Path.EndsWith(".map", StringComparison.Ordinal) || change.Path.EndsWith(".min.js", StringComparison.Ordinal)
                || change.Path.EndsWith(".min.css", StringComparison.Ordinal))
            {
                (built ??= new HashSet<string>(StringComparer.Ordinal)).Add(change.Path);
            }
        }
        return built;
    }

    /// <summary>A script or style sheet changed with its own source map or minified copy: built, not written.</summary>
    private static bool IsBuiltBundle(string path, HashSet<string> built)
    {
        if (built.Contains(path + ".map"))
        {
            return true;
        }
        var extension = Path.GetExtension(path);
        return extension is ".js" or ".css" && built.Contains(string.Concat(path.AsSpan(0, path.Length - extension.Length), ".min", extension));
    }

    /// <summary>The project's own web site at the root of the repository (Docusaurus' <c>website/</c>, <c>site/</c>, <c>www/</c>):
    /// its pages and the components and styles that draw them are what the docs look like, nothing a user of the product
    /// runs.</summary>
    private static bool IsWebsite(ReadOnlySpan<char> folder)
    {
        var slash = folder.IndexOf('/');
        var top = slash < 0 ? folder : folder[..slash];
        return top is "website" or "site" or "www" or "docs-site" or "doc-site";
    }

    public static FileRole Classify(FileChange change) => change.Binary ? FileRole.Binary : Classify(change.Path);

    /// <summary>The roles of a commit's files in a repository whose <paramref name="ownBundleRoots"/> (<c>deps</c>) hold its own
    /// code: a file under one of them has the role the rest of its path gives it.</summary>
    public static List<ClassifiedFile> Classify(IReadOnlyList<FileChange> changes, IReadOnlyList<string> ownBundleRoots)
    {
        var files = Classify(changes);
        if (ownBundleRoots.Count == 0)
        {
            return files;
        }
        for (var i = 0; i < files.Count; i++)
        {
            // A binary file is classified binary before its folders are read: only a vendored one is looked at again.
            var path = files[i].Change.Path;
            if (files[i].Role == FileRole.Vendored && InsideAmbiguousBundle(path) is { } inside
                && ownBundleRoots.Contains(path[..inside.RootLength], StringComparer.Ordinal))
            {
                files[i] = files[i] with { Role = inside.Role };
            }
        }
        return files;
    }

    /// <summary>For a path under a folder named <c>deps</c>, <c>external</c> or <c>extern</c> (<see cref="AmbiguousBundleRootLength"/>):
    /// the length of the path up to that folder and the role the rest of the path gives the file — what it is if the folder
    /// holds the repository's own code; null for any other path.</summary>
    public static (int RootLength, FileRole Role)? InsideAmbiguousBundle(string path) =>
        AmbiguousBundleRootLength(path) is > 0 and var root ? (root, Classify(path[(root + 1)..])) : null;

    /// <summary>The length of the path's leading folders up to its first folder named <c>deps</c>, <c>external</c> or
    /// <c>extern</c> — names that mean bundled code in most repositories but hold a repository's own packages in some —
    /// when that is the first folder of the path that says it is bundled; 0 otherwise.</summary>
    public static int AmbiguousBundleRootLength(string path)
    {
        var start = 0;
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', start))
        {
            var segment = path.AsSpan(start, slash - start);
            if (DirectoryNameLookup.TryGetValue(segment, out var said) && said.HasFlag(DirectoryKinds.Vendored))
            {
                return AmbiguousBundleNameLookup.Contains(segment) ? slash : 0;
            }
            start = slash + 1;
        }
        return 0;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousBundleNameLookup =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "deps", "external", "extern" }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The role of a path, read on spans of it (a tree of 20,000 paths and a commit touching as many classify
    /// without a string per segment, extension or stem); its name is its last non-empty segment.</summary>
    public static FileRole Classify(string path)
    {
        ReadOnlySpan<char> normalized = path.Contains('\\') ? path.Replace('\\', '/') : path;
        var trimmed = normalized.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        var name = trimmed.IsEmpty ? normalized : trimmed[(slash + 1)..];
        var folder = slash < 0 ? ReadOnlySpan<char>.Empty : trimmed[..slash];
        var directories = slash < 0 ? DirectoryKinds.None : KindsOf(folder);
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);

        if (Binary.Contains(extension))
        {
            return FileRole.Binary;
        }
        if (directories.HasFlag(DirectoryKinds.Vendored))
        {
            return FileRole.Vendored;
        }
        if (Lockfiles.Contains(name) || extension.Equals(".lock", StringComparison.OrdinalIgnoreCase))
        {
            return FileRole.Lockfile;
        }
        if (directories.HasFlag(DirectoryKinds.Generated) || EndsWithAny(name, GeneratedSuffixes))
        {
            return FileRole.Generated;
        }
        if (IsCi(normalized, directories, name))
        {
            return FileRole.CI;
        }
        if (Manifests.Contains(name) || IsRequirements(name) || InRequirementsFolder(folder, extension))
        {
            return FileRole.DependencyManifest;
        }
        if (Builds.Contains(name) || BuildExtensionLookup.Contains(extension) || name.StartsWith("Dockerfile", StringComparison.Ordinal))
        {
            return FileRole.Build;
        }
        if (IsTest(directories, stem, name))
        {
            return FileRole.Test;
        }
        if (Docs.Contains(extension) || IsManPage(extension) || ((DocNameLookup.Contains(stem) || IsLegalNotice(stem)) && (!Sources.Contains(extension) || IsPage(extension)))
            || directories.HasFlag(DirectoryKinds.Docs)
            || IsTranslation(directories, folder, extension, name, stem)
            || IsWebsite(folder))
        {
            return FileRole.Docs;
        }
        if (Configs.Contains(extension) || (name.StartsWith('.') && extension.IsEmpty) || name.StartsWith(".env", StringComparison.Ordinal))
        {
            return FileRole.Config;
        }
        return Sources.Contains(extension) ? FileRole.Source : FileRole.Other;
    }

    // The sets above, looked up by span.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Binary = BinaryExtensions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lockfiles = LockfileNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Manifests = ManifestNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Builds = BuildNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BuildExtensionLookup = BuildExtensions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TestTools = TestToolNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DeveloperTools = DeveloperToolNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Docs = DocExtensions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DocNameLookup = DocNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Configs = ConfigExtensions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Sources = SourceExtensions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A licence text or a notice of the licences of what the product bundles, whatever follows its name:
    /// <c>LICENSE</c>, <c>COPYING</c>, <c>LICENSE-MIT</c>, <c>LICENSES_APACHE</c>, <c>THIRD_PARTY_LICENSES_RUST</c>, <c>ThirdPartyNotices</c> — regenerated
    /// by a bot, it changes nothing a user runs.</summary>
    private static bool IsLegalNotice(ReadOnlySpan<char> stem)
    {
        foreach (var prefix in LegalNoticePrefixes)
        {
            if (stem.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly string[] LegalNoticePrefixes = ["LICENSE", "LICENCE", "COPYING", "THIRD_PARTY", "THIRD-PARTY", "THIRDPARTY"];

    private static bool EndsWithAny(ReadOnlySpan<char> name, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> path, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"requirements/framework.txt": pip requirement files kept in a folder of their own (the last directory of
    /// <paramref name="directories"/>).</summary>
    private static bool InRequirementsFolder(ReadOnlySpan<char> directories, ReadOnlySpan<char> extension)
    {
        var parent = directories.TrimEnd('/');
        return parent[(parent.LastIndexOf('/') + 1)..].Equals("requirements", StringComparison.OrdinalIgnoreCase)
            && (extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) || extension.Equals(".in", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Message catalogs (<c>po/de.po</c>, <c>app_de.arb</c>, <c>Localizable.strings</c>, anything in gettext's
    /// <c>LC_MESSAGES/</c>), translation data in an i18n/locale/lang folder (<c>src/lang/de-DE.json</c>,
    /// <c>app/assets/i18n/ar.json</c>), Java's translated resource bundles (<c>LocalStrings_ja.properties</c>,
    /// <c>messages_de_DE.properties</c>) and Android's translated strings (<c>res/values-pl/strings.xml</c>): words a user
    /// reads, like the docs.</summary>
    private static bool IsTranslation(
        DirectoryKinds directories, ReadOnlySpan<char> folder, ReadOnlySpan<char> extension, ReadOnlySpan<char> name, ReadOnlySpan<char> stem)
    {
        var parent = folder[(folder.LastIndexOf('/') + 1)..];
        if (TranslationCatalogs.Contains(extension) || parent is "LC_MESSAGES")
        {
            return true;
        }
        if (!TranslationData.Contains(extension))
        {
            return false;
        }
        if (extension.Equals(".properties", StringComparison.OrdinalIgnoreCase) && IsTranslatedBundle(stem))
        {
            return true;
        }
        return directories.HasFlag(DirectoryKinds.Translations)
            || parent.StartsWith("values-", StringComparison.Ordinal) && (name is "strings.xml" or "translations.xml" or "plurals.xml")
            || parent is "messages" && IsLanguageTag(stem);
    }

    /// <summary>A language, with its country or script: <c>de</c>, <c>pt-BR</c>, <c>zh_CN</c>, <c>zh-Hant</c> — the name of
    /// a catalogue under <c>messages/</c> (inlang/Paraglide's <c>frontend/messages/de.json</c>).</summary>
    private static bool IsLanguageTag(ReadOnlySpan<char> stem)
    {
        if (stem.Length < 2 || !char.IsAsciiLetterLower(stem[0]) || !char.IsAsciiLetterLower(stem[1]))
        {
            return false;
        }
        if (stem.Length == 2)
        {
            return true;
        }
        var rest = stem[3..];
        return stem[2] is '-' or '_' && (rest.Length == 2 && char.IsAsciiLetterUpper(rest[0]) && char.IsAsciiLetterUpper(rest[1])
            || rest.Length == 4 && char.IsAsciiLetterUpper(rest[0]) && !rest[1..].ContainsAnyExceptInRange('a', 'z'));
    }

    /// <summary>A resource bundle's name with a language (and country) after its base: <c>LocalStrings_ja</c>,
    /// <c>messages_de_DE</c>, <c>Labels_pt_BR</c> — a base that says it holds messages, a lower-case language code.</summary>
    private static bool IsTranslatedBundle(ReadOnlySpan<char> stem)
    {
        var underscore = stem.IndexOf('_');
        if (underscore <= 0)
        {
            return false;
        }
        var locale = stem[(underscore + 1)..];
        var language = locale.Length == 2 || locale.Length == 5 && locale[2] == '_' && char.IsAsciiLetterUpper(locale[3]) && char.IsAsciiLetterUpper(locale[4]);
        if (!language || !char.IsAsciiLetterLower(locale[0]) || !char.IsAsciiLetterLower(locale[1]))
        {
            return false;
        }
        foreach (var word in BundleBases)
        {
            if (stem[..underscore].Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly string[] BundleBases = ["message", "strings", "resource", "bundle", "label"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TranslationCatalogs = new HashSet<string>(
        [".po", ".pot", ".arb", ".xliff", ".xlf", ".strings", ".stringsdict"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TranslationData = new HashSet<string>(
        [".json", ".yaml", ".yml", ".xml", ".properties", ".toml"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A web page: <c>MANUAL.html</c>, <c>CHANGELOG.html</c> are the manual and the changelog rendered for the web.</summary>
    private static bool IsPage(ReadOnlySpan<char> extension) =>
        extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase);

    /// <summary>A manual page by its section number: "tmux.1", "bundle-add.1", "ares_query.3", "gemfile.5", "perl.3pm".</summary>
    private static bool IsManPage(ReadOnlySpan<char> extension) =>
        extension.Length is >= 2 and <= 4 && extension[1] is >= '1' and <= '9' && !extension[2..].ContainsAnyExceptInRange('a', 'z');

    private static bool IsRequirements(ReadOnlySpan<char> name) =>
        name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) &&
        (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".in", StringComparison.OrdinalIgnoreCase));

    private static bool IsCi(ReadOnlySpan<char> path, DirectoryKinds directories, ReadOnlySpan<char> name) =>
        // Everything under .github/ is the repository's automation (workflows, actions, bots' prompts and settings),
        // except the community files GitHub shows to people.
        (path.StartsWith(".github/", StringComparison.Ordinal) && !IsCommunityFile(name)) ||
        path.StartsWith(".circleci/", StringComparison.Ordinal) ||
        StartsWithAny(path, AgentFolders) ||
        path.StartsWith(".buildkite/", StringComparison.Ordinal) ||
        path.StartsWith(".gitlab/ci/", StringComparison.Ordinal) ||
        // The developer tools' settings, at the repository's root (a nested ".gitignore" may shape a package's contents).
        (!path.Contains('/') && DeveloperTools.Contains(name)) ||
        StartsWithAny(path, DeveloperToolFolders) ||
        name is ".gitlab-ci.yml" or "Jenkinsfile" or "azure-pipelines.yml" or ".travis.yml" or "appveyor.yml" or ".drone.yml" or "codecov.yml" or ".codecov.yml"
            or ".coderabbit.yaml" or ".coderabbit.yml" ||
        // The dependency bots' settings: which branches get which updates.
        name is "renovate.json" or "renovate.json5" or ".renovaterc" or ".renovaterc.json" or ".renovaterc.json5" or "dependabot.yml" ||
        directories.HasFlag(DirectoryKinds.Ci);

    private static bool IsCommunityFile(ReadOnlySpan<char> name) =>
        name.StartsWith("CODEOWNERS", StringComparison.Ordinal) || name.StartsWith("CONTRIBUTING", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("SECURITY", StringComparison.OrdinalIgnoreCase) || name.StartsWith("FUNDING", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("CODE_OF_CONDUCT", StringComparison.OrdinalIgnoreCase) || name.StartsWith("SUPPORT", StringComparison.OrdinalIgnoreCase);

    private static bool IsTest(DirectoryKinds directories, ReadOnlySpan<char> stem, ReadOnlySpan<char> name) =>
        directories.HasFlag(DirectoryKinds.Test) ||
        TestTools.Contains(name) ||
        EqualsAny(stem, TestToolStems) ||
        stem.StartsWith("test_", StringComparison.OrdinalIgnoreCase) ||
        stem.EndsWith("_test", StringComparison.OrdinalIgnoreCase) ||
        stem.EndsWith("_tests", StringComparison.OrdinalIgnoreCase) ||
        stem.EndsWith("Tests", StringComparison.Ordinal) ||
        stem.EndsWith("Test", StringComparison.Ordinal) && stem.Length > 4 ||
        name.Contains(".test.", StringComparison.OrdinalIgnoreCase) ||
        name.Contains(".spec.", StringComparison.OrdinalIgnoreCase) ||
        stem.Equals("conftest", StringComparison.OrdinalIgnoreCase) ||
        // Rust's `mod tests` in tests.rs / test.rs beside the code.
        (name is "tests.rs" or "test.rs");

    private static bool EqualsAny(ReadOnlySpan<char> stem, string[] names)
    {
        foreach (var name in names)
        {
            if (stem.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
