using System.Globalization;
using System.Text;

namespace Gitbrief.Bench;

/// <summary>bench/out/realday-repo: a mid-size project (≈ 2,100 files, ≈ 30 MB: a Rust workspace of 36 crates with
/// sources of realistic sizes in nested directories, integration tests with inline snapshots, a few of them very large,
/// docs, fixtures, workflows, scripts, a Cargo.lock), two months of history before its busy day, and on
/// <see cref="BusyDay"/> <see cref="BusyDayCommits"/> commits shaped like a real busy day: most touch 1–10 files with a few
/// hunks of tens of lines, a few touch 20–60 files, one moves a crate (renames), one splits a large module, one bumps
/// the lockfile, one is docs only, one adds a feature of 2,000 lines, one updates snapshots; multi-paragraph messages
/// with trailers, several authors, committed by GitHub. Calibrated so that <c>git log -p --numstat</c> of the busy day
/// costs per commit what it costs on a real busy day (bench/README.md). One <c>git fast-import</c> stream, fixed seed,
/// kept while its version stamp matches.</summary>
internal sealed class RealSizedDayRepository
{
    public const string Version = "gitbrief-bench-realday v3";
    public const int Seed = 20_260_714;
    public const int BusyDayCommits = 50;

    /// <summary>A Wednesday; the history starts <see cref="DaysBefore"/> days earlier and goes on <see cref="DaysAfter"/> days later.</summary>
    public static readonly DateOnly BusyDay = new(2025, 6, 11);

    private const int DaysBefore = 60;
    private const int DaysAfter = 2;
    private const int LockPackages = 600;
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private static readonly (string Name, string Email)[] Authors =
    [
        ("Alice Chen", "alice.chen@acme.dev"), ("Bob Martin", "bob@acme.dev"), ("李雷", "lilei@acme.cn"),
        ("Carol Díaz", "carol.diaz@acme.dev"), ("Dmitri Ivanov", "dmitri@acme.dev"), ("Emma Schmidt", "emma.schmidt@acme.dev"),
        ("王芳", "wangfang@acme.cn"), ("Frank O'Neil", "frank@acme.dev"),
    ];

    private static readonly (string Name, string Email) GitHub = ("GitHub", "noreply@github.com");
    private static readonly (string Name, string Email) Renovate = ("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com");

    /// <summary>A file of the tree; its text is made from its own seed when first needed and then kept and edited.</summary>
    private sealed class TrackedFile(string path, FileKind kind, int seed, int lines)
    {
        public string Path { get; set; } = path;

        public FileKind Kind { get; } = kind;

        public int Seed { get; } = seed;

        public int InitialLines { get; } = lines;

        public List<string>? Text { get; set; }

        public string Crate { get; set; } = string.Empty;

        public bool IsTest => Kind == FileKind.RustTest;
    }

    private sealed record Commit((string Name, string Email) Author, (string Name, string Email) Committer, TimeSpan AuthorLead, string Message,
        IReadOnlyList<TrackedFile> Modified, IReadOnlyList<string> Deleted);

    private readonly Random random = new(Seed);
    private readonly RealSizedText text;
    private readonly List<TrackedFile> files = [];
    private readonly HashSet<string> paths = new(StringComparer.Ordinal);
    private readonly List<string> crates = [];
    private readonly int[] lockPatches = new int[LockPackages];
    private TrackedFile lockFile = null!;
    private int pullRequest = 12_000;

    private RealSizedDayRepository() => text = new RealSizedText(random);

    public static Task<GeneratedRepository> EnsureAsync(string outDirectory, bool force) =>
        CachedRepository.EnsureAsync(outDirectory, "realday-repo", Version, force, async directory =>
        {
            await CachedRepository.FastImportAsync(directory, new RealSizedDayRepository().WriteHistory).ConfigureAwait(false);
            // Deltas searched afresh (-f), as a real repository's pack has them: fast-import's own are against whatever blob came
            // before in the stream, and reading the busy day through them costs git twice as much.
            await ProcessRunner.GitAsync(directory, "repack", "-a", "-d", "-f", "-q").ConfigureAwait(false);
            await ProcessRunner.GitAsync(directory, "reset", "-q", "--hard", "main").ConfigureAwait(false);
        });

    // ----- the history -----

    private void WriteHistory(Stream output)
    {
        var first = BusyDay.AddDays(-DaysBefore);
        WriteCommit(output, InitialCommit(), At(first, 10 * 3600));
        for (var day = first.AddDays(1); day <= BusyDay.AddDays(DaysAfter); day = day.AddDays(1))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var commits = day == BusyDay ? BusyDayShapes() : Enumerable.Range(0, weekend ? random.Next(1, 4) : random.Next(5, 11)).Select(_ => OrdinaryShape()).ToList();
            var seconds = commits.Select(_ => random.Next(9 * 3600, 23 * 3600)).Order().ToList();
            for (var i = 0; i < commits.Count; i++)
            {
                WriteCommit(output, commits[i](), At(day, seconds[i]));
            }
        }
        RepositoryGenerator.Write(output, "done\n");
    }

    private static DateTimeOffset At(DateOnly day, int second) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).AddSeconds(second);

    private Func<Commit> OrdinaryShape() => random.Next(40) switch
    {
        0 => () => WideChange(random.Next(20, 40)),
        1 => LockBump,
        2 => DocsOnly,
        _ => () => Change(FileCount()),
    };

    /// <summary>The busy day's 50 commits, in a shuffled order: 39 ordinary changes of 1–10 files, 3 of 20–60 files, a
    /// crate moved, a module split, a feature of 2,000 lines, a lockfile bump, a docs-only change, a snapshot update,
    /// a CI change and a revert.</summary>
    private List<Func<Commit>> BusyDayShapes()
    {
        var shapes = new List<Func<Commit>>();
        for (var i = 0; i < 39; i++)
        {
            shapes.Add(() => Change(FileCount()));
        }
        foreach (var count in new[] { 24, 38, 55 })
        {
            shapes.Add(() => WideChange(count));
        }
        shapes.AddRange([MoveCrate, SplitModule, Feature, LockBump, DocsOnly, SnapshotUpdate, ContinuousIntegration, Revert]);
        if (shapes.Count != BusyDayCommits)
        {
            throw new InvalidOperationException($"the busy day has {shapes.Count} commits, expected {BusyDayCommits}");
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shapes));
        return shapes;
    }

    private int FileCount() => random.Next(100) switch
    {
        < 25 => 1,
        < 50 => 2,
        < 68 => 3,
        < 88 => random.Next(4, 7),
        _ => random.Next(7, 11),
    };

    // ----- the tree -----

    private Commit InitialCommit()
    {
        var nouns = Enumerable.Range(0, 36).Select(_ => text.Noun()).Distinct().ToList();
        foreach (var noun in nouns)
        {
            var crate = $"crates/acme-{noun}";
            crates.Add(crate);
            Add($"{crate}/Cargo.toml", FileKind.Toml, 30, crate);
            Add($"{crate}/src/lib.rs", FileKind.Rust, random.Next(300, 1_500), crate);
            // One or two central modules per crate, thousands of lines (settings.rs, lock/mod.rs, …).
            for (var c = random.Next(1, 3); c > 0; c--)
            {
                Add($"{crate}/src/{text.Noun()}/mod.rs", FileKind.Rust, (int)Math.Min(8_000, LogNormal(2_200, 0.6)), crate);
            }
            for (var f = (int)Math.Clamp(LogNormal(28, 0.7), 6, 90); f > 0; f--)
            {
                var directory = random.Next(3) switch { 0 => "src", 1 => $"src/{text.Noun()}", _ => $"src/{text.Noun()}/{text.Noun()}" };
                Add($"{crate}/{directory}/{text.Verb()}_{text.Noun()}.rs", FileKind.Rust, (int)Math.Clamp(LogNormal(110, 1.1), 8, 6_000), crate);
            }
        }
        const string tests = "crates/acme/tests/it";
        foreach (var (name, lines) in new[] { ("lock/lock", 38_000), ("lock_scenarios/lock_conflict", 18_000), ("pip_install/pip_install", 14_000) })
        {
            Add($"{tests}/{name}.rs", FileKind.RustTest, lines, "crates/acme");
        }
        for (var t = 0; t < 120; t++)
        {
            Add($"{tests}/{text.Noun()}/{text.Verb()}_{text.Noun()}.rs", FileKind.RustTest, (int)Math.Clamp(LogNormal(800, 1.0), 60, 12_000), "crates/acme");
        }
        for (var d = 0; d < 150; d++)
        {
            Add($"docs/{text.Pick(["concepts", "guides", "reference", "pip", "projects"])}/{text.Noun()}-{text.Noun()}.md", FileKind.Markdown,
                (int)Math.Clamp(LogNormal(120, 0.8), 15, 2_000));
        }
        for (var s = 0; s < 60; s++)
        {
            Add($"scripts/{text.Verb()}_{text.Noun()}.py", FileKind.Python, (int)Math.Clamp(LogNormal(80, 0.8), 10, 1_200));
        }
        for (var w = 0; w < 15; w++)
        {
            Add($".github/workflows/{text.Verb()}-{text.Noun()}.yml", FileKind.Yaml, random.Next(30, 400));
        }
        for (var x = 0; x < 500; x++)
        {
            var kind = random.Next(2) == 0 ? FileKind.Json : FileKind.Toml;
            Add($"test/fixtures/{text.Noun()}/{text.Noun()}-{x}.{(kind == FileKind.Json ? "json" : "toml")}", kind, random.Next(4, 40));
        }
        Add("README.md", FileKind.Markdown, 180);
        Add("CHANGELOG.md", FileKind.Markdown, 3_000);
        Add("Cargo.toml", FileKind.Toml, 250);
        Add("pyproject.toml", FileKind.Toml, 90);
        lockFile = Add("Cargo.lock", FileKind.Lock, 0);
        lockFile.Text = LockText();
        return new Commit(Authors[0], Authors[0], TimeSpan.Zero, "Initial import of the acme workspace\n", [.. files], []);
    }

    private TrackedFile Add(string path, FileKind kind, int lines, string crate = "")
    {
        while (!paths.Add(path))
        {
            path = path.Insert(path.LastIndexOf('.'), "_" + random.Next(10, 99).ToString(CultureInfo.InvariantCulture));
        }
        var file = new TrackedFile(path, kind, random.Next(), lines) { Crate = crate };
        files.Add(file);
        return file;
    }

    private double LogNormal(double median, double sigma)
    {
        // Box–Muller: a standard normal from two uniforms.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return median * Math.Exp(sigma * normal);
    }

    private List<string> TextOf(TrackedFile file) => file.Text ??= new RealSizedText(new Random(file.Seed)).Lines(file.Kind, file.InitialLines);

    private List<string> LockText()
    {
        var lines = new List<string> { "# This file is automatically @generated by Cargo.", "# It is not intended for manual editing.", "version = 4", string.Empty };
        for (var id = 0; id < LockPackages; id++)
        {
            text.LockEntry(lines, id, lockPatches[id]);
        }
        return lines;
    }

    // ----- picking files: the larger a file, the likelier a change touches it, as on a real busy day -----

    private TrackedFile PickWeighted(Func<TrackedFile, bool> where, double bias = 0.8)
    {
        var candidates = files.Where(where).ToList();
        var weights = candidates.Select(f => Math.Pow(Math.Max(10, f.Text?.Count ?? f.InitialLines), bias)).ToList();
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < candidates.Count; i++)
        {
            target -= weights[i];
            if (target <= 0)
            {
                return candidates[i];
            }
        }
        return candidates[^1];
    }

    private TrackedFile PickSource(string crate, double bias = 0.8) => PickWeighted(f => f.Kind == FileKind.Rust && f.Crate == crate, bias);

    private TrackedFile PickTest(double bias = 0.8) => PickWeighted(f => f.IsTest, bias);

    // ----- edits -----

    /// <summary>A hunk: <paramref name="removed"/> lines at a random place replaced by about <paramref name="added"/> new ones.</summary>
    private void Hunk(TrackedFile file, int removed, int added)
    {
        var lines = TextOf(file);
        var at = random.Next(lines.Count + 1);
        lines.RemoveRange(at, Math.Min(removed, lines.Count - at));
        var fresh = new List<string>();
        while (fresh.Count < added)
        {
            text.Block(file.Kind == FileKind.Lock ? FileKind.Toml : file.Kind, fresh);
        }
        lines.InsertRange(at, fresh.Take(added));
    }

    private void Edit(TrackedFile file, int hunks, int size)
    {
        for (var h = 0; h < hunks; h++)
        {
            Hunk(file, random.Next(0, size / 2 + 1), random.Next(2, size + 1));
        }
    }

    /// <summary>An ordinary change: <paramref name="count"/> files of one crate, its tests, sometimes docs or a new file.</summary>
    private Commit Change(int count)
    {
        var crate = text.Pick(crates);
        var touched = new List<TrackedFile>();
        for (var i = 0; i < count; i++)
        {
            var file = i switch
            {
                1 => PickTest(),
                _ when i > 2 && random.Next(5) == 0 => PickWeighted(f => f.Kind == FileKind.Markdown),
                _ => PickSource(random.Next(4) == 0 ? text.Pick(crates) : crate),
            };
            Edit(file, random.Next(1, 4), random.Next(4, 16));
            touched.Add(file);
        }
        if (random.Next(10) == 0)
        {
            var added = Add($"{crate}/src/{text.Verb()}_{text.Noun()}.rs", FileKind.Rust, random.Next(100, 400), crate);
            TextOf(added);
            touched.Add(added);
        }
        var (title, kind) = Title();
        return Make(title, kind, touched);
    }

    /// <summary>20–60 files, one or two small hunks each: an API renamed across the workspace (where it is used does not
    /// depend much on a file's size).</summary>
    private Commit WideChange(int count)
    {
        var touched = new HashSet<TrackedFile>();
        while (touched.Count < count)
        {
            var file = random.Next(5) == 0 ? PickTest(0.3) : PickSource(text.Pick(crates), 0.3);
            Edit(file, random.Next(1, 3), 6);
            touched.Add(file);
        }
        var (from, to) = (text.Noun(), text.Noun());
        return Make($"Rename `{from}_{text.Noun()}` to `{to}_{text.Noun()}` across the workspace", "refactor", [.. touched],
            $"The old name predates the {from} split and no longer says what the function does.");
    }

    /// <summary>A whole crate renamed (its files moved, a third of them edited), and the crates that use it.</summary>
    private Commit MoveCrate()
    {
        var crate = crates.OrderBy(c => c, StringComparer.Ordinal).ElementAt(random.Next(crates.Count));
        var moved = files.Where(f => f.Crate == crate || f.Path.StartsWith(crate + "/", StringComparison.Ordinal)).ToList();
        var target = crate + "-core";
        var deleted = new List<string>();
        foreach (var file in moved)
        {
            deleted.Add(file.Path);
            paths.Remove(file.Path);
            file.Path = target + file.Path[crate.Length..];
            file.Crate = target;
            paths.Add(file.Path);
            if (random.Next(3) == 0)
            {
                Hunk(file, 1, 2);
            }
        }
        crates[crates.IndexOf(crate)] = target;
        var users = Enumerable.Range(0, 8).Select(_ => PickSource(text.Pick(crates))).Distinct().ToList();
        users.ForEach(u => Edit(u, 1, 4));
        return Make($"Move `{crate[7..]}` into `{target[7..]}`", "refactor", [.. moved, .. users],
            "Nothing changes in behaviour: the modules move as they are and the imports follow.", deleted);
    }

    /// <summary>A large module split: three parts of up to 250 lines moved into new files, its callers updated.</summary>
    private Commit SplitModule()
    {
        var module = files.Where(f => f.Kind == FileKind.Rust && f.Path.EndsWith("/mod.rs", StringComparison.Ordinal))
            .MaxBy(f => (f.Text?.Count ?? f.InitialLines) + random.Next(500))!;
        var lines = TextOf(module);
        var touched = new List<TrackedFile> { module };
        var directory = module.Path[..module.Path.LastIndexOf('/')];
        for (var part = 0; part < 3; part++)
        {
            var take = Math.Min(lines.Count / 6, 250);
            var at = random.Next(lines.Count - take);
            var piece = Add($"{directory}/{text.Noun()}_{part}.rs", FileKind.Rust, 0, module.Crate);
            piece.Text = [$"use super::{{Error, Options}};", string.Empty, .. lines.GetRange(at, take)];
            lines.RemoveRange(at, take);
            touched.Add(piece);
        }
        Enumerable.Range(0, 10).Select(_ => PickSource(module.Crate)).Distinct().Where(f => f != module).ToList().ForEach(f =>
        {
            Edit(f, 1, 4);
            touched.Add(f);
        });
        return Make($"Split `{directory[(directory.LastIndexOf('/') + 1)..]}` into smaller modules", "refactor", touched,
            "The module had grown past four thousand lines; each part now has one concern.");
    }

    /// <summary>A feature: a new module of 1,500 lines, a new test file, and the places that wire them in.</summary>
    private Commit Feature()
    {
        var crate = text.Pick(crates);
        var module = Add($"{crate}/src/{text.Noun()}/{text.Verb()}_{text.Noun()}.rs", FileKind.Rust, 1_500, crate);
        var tests = Add($"crates/acme/tests/it/{text.Noun()}/{text.Noun()}_json.rs", FileKind.RustTest, 500, "crates/acme");
        TextOf(module);
        TextOf(tests);
        var touched = new List<TrackedFile> { module, tests };
        for (var i = 0; i < 6; i++)
        {
            var file = i == 5 ? PickWeighted(f => f.Kind == FileKind.Markdown) : PickSource(crate);
            Edit(file, random.Next(1, 3), 20);
            touched.Add(file);
        }
        return Make($"Add JSON output to `acme {text.Verb()}`", "feat", touched, "The output follows the schema documented in docs/reference.");
    }

    private Commit LockBump()
    {
        for (var i = 0; i < 12; i++)
        {
            lockPatches[random.Next(LockPackages)]++;
        }
        lockFile.Text = LockText();
        var manifests = Enumerable.Range(0, 2).Select(_ => PickWeighted(f => f.Path.EndsWith("Cargo.toml", StringComparison.Ordinal))).Distinct().ToList();
        manifests.ForEach(m => Edit(m, 1, 2));
        var package = RealSizedText.LockName(random.Next(LockPackages));
        var message = $"Update Rust crate {package} to v{random.Next(1, 4)}.{random.Next(30)}.{random.Next(9)} (#{++pullRequest})\n\n"
            + "This PR contains the following updates:\n\n| Package | Type | Update |\n|---|---|---|\n"
            + $"| {package} | workspace.dependencies | minor |\n\n---\n\n### Configuration\n\n📅 **Schedule**: Branch creation - \"before 4am on Monday\".\n";
        return new Commit(Renovate, GitHub, TimeSpan.FromHours(random.Next(1, 30)), message, [lockFile, .. manifests], []);
    }

    private Commit DocsOnly()
    {
        var touched = Enumerable.Range(0, 4).Select(_ => PickWeighted(f => f.Kind == FileKind.Markdown)).Distinct().ToList();
        touched.ForEach(f => Edit(f, random.Next(1, 4), 30));
        return Make($"Document the {text.Noun()} {text.Noun()} in the guides", "docs", touched);
    }

    private Commit SnapshotUpdate()
    {
        var file = files.Where(f => f.IsTest).MaxBy(f => f.Text?.Count ?? f.InitialLines)!;
        Edit(file, 14, 8);
        return Make($"Update snapshots for the new {text.Noun()} message", "test", [file]);
    }

    private Commit ContinuousIntegration()
    {
        var touched = Enumerable.Range(0, 2).Select(_ => PickWeighted(f => f.Kind == FileKind.Yaml)).Distinct().ToList();
        touched.ForEach(f => Edit(f, 2, 10));
        return Make("Run the test matrix on the new ARM runners", "ci", touched);
    }

    private Commit Revert()
    {
        var commit = Change(2);
        var title = $"Revert \"{commit.Message.Split('\n')[0]}\"";
        return commit with { Message = $"{title}\n\nThis reverts the change: it broke the nightly build on Windows.\n" };
    }

    // ----- messages -----

    private (string Title, string Kind) Title()
    {
        var kind = text.Pick(["fix", "fix", "feat", "perf", "refactor", "test", "fix"]);
        var title = kind switch
        {
            "fix" => $"Avoid a panic for invalid {text.Noun()} {text.Noun()}s",
            "feat" => $"Support `--{text.Noun()}` in `acme {text.Verb()}`",
            "perf" => $"Reuse the {text.Noun()} {text.Noun()} when {text.Verb()}ing",
            "refactor" => $"Share {text.Noun()} discovery between {text.Verb()} and {text.Verb()}",
            _ => $"Cover {text.Noun()} {text.Noun()}s in the {text.Verb()} tests",
        };
        return (title, kind);
    }

    private Commit Make(string title, string kind, IReadOnlyList<TrackedFile> touched, string? why = null, IReadOnlyList<string>? deleted = null)
    {
        var author = text.Pick(Authors);
        var message = new StringBuilder();
        message.Append(random.Next(3) == 0 ? $"{kind}: {char.ToLowerInvariant(title[0])}{title[1..]}" : title).Append($" (#{++pullRequest})\n\n");
        message.Append("## Summary\n\n");
        message.Append(why ?? text.Sentence(random.Next(10, 22))).Append(' ').Append(text.Sentence(random.Next(8, 18))).Append("\n\n");
        if (random.Next(2) == 0)
        {
            for (var b = random.Next(2, 5); b > 0; b--)
            {
                message.Append("- ").Append(text.Sentence(random.Next(5, 12))).Append('\n');
            }
            message.Append('\n');
        }
        message.Append("## Test Plan\n\n").Append(text.Sentence(random.Next(6, 14))).Append("\n\n");
        if (random.Next(3) == 0)
        {
            var coauthor = text.Pick(Authors);
            message.Append($"Co-authored-by: {coauthor.Name} <{coauthor.Email}>\n");
        }
        message.Append($"Signed-off-by: {author.Name} <{author.Email}>\n");
        return new Commit(author, GitHub, TimeSpan.FromMinutes(random.Next(5, 3 * 24 * 60)), message.ToString(), touched, deleted ?? []);
    }

    private static void WriteCommit(Stream output, Commit commit, DateTimeOffset committed)
    {
        var authored = committed - commit.AuthorLead;
        RepositoryGenerator.Write(output, "commit refs/heads/main\n");
        RepositoryGenerator.Write(output, $"author {commit.Author.Name} <{commit.Author.Email}> {authored.ToUnixTimeSeconds()} +0800\n");
        RepositoryGenerator.Write(output, $"committer {commit.Committer.Name} <{commit.Committer.Email}> {committed.ToUnixTimeSeconds()} +0800\n");
        RepositoryGenerator.WriteData(output, Encoding.UTF8.GetBytes(commit.Message));
        foreach (var path in commit.Deleted)
        {
            RepositoryGenerator.Write(output, $"D {path}\n");
        }
        foreach (var file in commit.Modified.Distinct())
        {
            RepositoryGenerator.Write(output, $"M 100644 inline {file.Path}\n");
            var lines = file.Text ?? new RealSizedText(new Random(file.Seed)).Lines(file.Kind, file.InitialLines);
            RepositoryGenerator.WriteData(output, Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        }
        RepositoryGenerator.Write(output, "\n");
    }
}
