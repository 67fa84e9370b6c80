using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Gitbrief.Bench;

/// <summary>The generated repository and the calendar it was generated with.</summary>
internal sealed record GeneratedRepository(string Path, string Head, int Commits, bool Reused, TimeSpan Elapsed);

/// <summary>Builds a deterministic (fixed seed) repository of 5,000+ commits on branch main with a single
/// <c>git fast-import</c> stream, and caches it in bench/out/repo with a version stamp. The history spans
/// <see cref="Days"/> days from <see cref="FirstDay"/> (+08:00), about 25 commits a day, weekends quieter,
/// and one weekday, <see cref="BusyDay"/>, with <see cref="BusyDayCommits"/> commits. The file mix:
/// C# and Python sources, tests, docs, workflows, package.json with package-lock.json bumps, a vendored
/// directory, occasional PNG files, renames, deletes, multi-line conventional messages, several authors.</summary>
internal sealed class RepositoryGenerator
{
    /// <summary>Change this whenever the generated history changes: cached repositories are rebuilt.</summary>
    public const string Version = "gitbrief-bench-repo v2";
    public const int Seed = 20_250_301;
    public const int Days = 200;
    public const int MinimumCommits = 5_000;
    public const int BusyDayCommits = 50;
    public static readonly DateOnly FirstDay = new(2025, 3, 3);
    public static readonly DateOnly LastDay = FirstDay.AddDays(Days - 1);
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The busy day: a Wednesday inside the last 90 days of the history.</summary>
    public static readonly DateOnly BusyDay = FirstDay.AddDays(156);

    private static readonly (string Name, string Email, int Weight)[] Authors =
    [
        ("Alice Chen", "alice.chen@acme.dev", 9),
        ("Bob Martin", "bob@acme.dev", 7),
        ("李雷", "lilei@acme.cn", 8),
        ("Carol Díaz", "carol.diaz@acme.dev", 5),
        ("Dmitri Ivanov", "dmitri@acme.dev", 4),
        ("Emma Schmidt", "emma.schmidt@acme.dev", 4),
        ("王芳", "wangfang@acme.cn", 6),
        ("Frank O'Neil", "frank@acme.dev", 2),
    ];

    private static readonly (string Name, string Email) GitHub = ("GitHub", "noreply@github.com");
    private static readonly (string Name, string Email) Dependabot = ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com");

    private static readonly string[] Nouns =
    [
        "job", "queue", "cache", "parser", "client", "server", "token", "session", "config", "router", "worker",
        "metrics", "store", "index", "buffer", "stream", "policy", "retry", "batch", "model", "tensor", "kernel",
        "sampler", "scheduler", "allocator", "tokenizer", "request", "response", "handler", "registry", "plugin",
        "lease", "shard", "replica", "snapshot", "manifest", "checkpoint", "adapter", "encoder", "decoder",
    ];

    private static readonly string[] Verbs =
    [
        "load", "parse", "flush", "merge", "resolve", "validate", "render", "schedule", "encode", "decode", "split",
        "commit", "rollback", "prefetch", "evict", "compact", "retry", "sample", "normalize", "serialize",
    ];

    private static readonly string[] Words =
    [
        "the", "a", "when", "value", "request", "is", "not", "returned", "before", "after", "each", "batch", "can",
        "should", "cache", "entry", "because", "timeout", "worker", "never", "always", "empty", "large", "first",
        "state", "memory", "order", "thread", "lock", "config", "path", "file", "error", "user", "default",
    ];

    private static readonly string[] Scopes = ["core", "api", "cli", "runtime", "models", "kernels", "scheduler", "cache", "auth", "server"];

    private readonly Random random = new(Seed);
    private readonly Dictionary<string, List<string>> texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> binaries = new(StringComparer.Ordinal);
    private readonly List<string> csharp = [];
    private readonly List<string> python = [];
    private readonly List<string> tests = [];
    private readonly List<string> docs = [];
    private readonly List<string> workflows = [];
    private readonly List<string> images = [];
    private readonly List<string> vendored = [];
    private readonly List<(string Name, int Major, int Minor, int Patch, string Integrity)> packages = [];
    private readonly List<string> recentSubjects = [];
    private int counter;

    /// <summary>Returns bench/out/repo, generating it first when it is missing, its stamp differs, or
    /// <paramref name="force"/> is set.</summary>
    public static Task<GeneratedRepository> EnsureAsync(string outDirectory, bool force) =>
        CachedRepository.EnsureAsync(outDirectory, "repo", Version, force, directory => new RepositoryGenerator().GenerateAsync(directory));

    private async Task GenerateAsync(string directory)
    {
        await CachedRepository.FastImportAsync(directory, WriteHistory).ConfigureAwait(false);
        await ProcessRunner.GitAsync(directory, "gc", "-q").ConfigureAwait(false);
        await ProcessRunner.GitAsync(directory, "reset", "-q", "--hard", "main").ConfigureAwait(false);
    }

    // ----- the history -----

    private void WriteHistory(Stream output)
    {
        var perDay = CommitsPerDay();
        var first = true;
        for (var day = 0; day < Days; day++)
        {
            var date = FirstDay.AddDays(day);
            var seconds = Enumerable.Range(0, perDay[day])
                .Select(_ => random.Next(8 * 3600 + 1800, 23 * 3600 + 1800))
                .Order()
                .ToList();
            foreach (var second in seconds)
            {
                var committed = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).AddSeconds(second);
                var commit = first ? InitialCommit() : NextCommit();
                first = false;
                WriteCommit(output, commit, committed);
            }
        }
        Write(output, "done\n");
    }

    private int[] CommitsPerDay()
    {
        var counts = new int[Days];
        for (var day = 0; day < Days; day++)
        {
            var weekend = FirstDay.AddDays(day).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            counts[day] = weekend ? random.Next(6, 17) : random.Next(20, 41);
        }
        var busy = BusyDay.DayNumber - FirstDay.DayNumber;
        counts[busy] = BusyDayCommits;
        while (counts.Sum() < MinimumCommits)
        {
            var day = random.Next(Days);
            if (day != busy && counts[day] < 40)
            {
                counts[day]++;
            }
        }
        return counts;
    }

    private sealed record Change(char Kind, string Path, string? OldPath = null);

    private sealed record Commit((string Name, string Email) Author, (string Name, string Email) Committer, TimeSpan AuthorLead, string Message, List<Change> Changes);

    private void WriteCommit(Stream output, Commit commit, DateTimeOffset committed)
    {
        var authored = committed - commit.AuthorLead;
        Write(output, "commit refs/heads/main\n");
        Write(output, $"author {commit.Author.Name} <{commit.Author.Email}> {authored.ToUnixTimeSeconds()} +0800\n");
        Write(output, $"committer {commit.Committer.Name} <{commit.Committer.Email}> {committed.ToUnixTimeSeconds()} +0800\n");
        WriteData(output, Encoding.UTF8.GetBytes(commit.Message));
        foreach (var change in commit.Changes)
        {
            switch (change.Kind)
            {
                case 'D':
                    Write(output, $"D {change.Path}\n");
                    break;
                case 'R':
                    Write(output, $"R {change.OldPath} {change.Path}\n");
                    break;
                default:
                    Write(output, $"M 100644 inline {change.Path}\n");
                    WriteData(output, texts.TryGetValue(change.Path, out var lines)
                        ? Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")
                        : binaries[change.Path]);
                    break;
            }
        }
        Write(output, "\n");
    }

    internal static void WriteData(Stream output, byte[] bytes)
    {
        Write(output, $"data {bytes.Length}\n");
        output.Write(bytes);
        Write(output, "\n");
    }

    internal static void Write(Stream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));

    private Commit InitialCommit()
    {
        var changes = new List<Change>();
        foreach (var project in new[] { "Core", "Api", "Cli" })
        {
            for (var i = 0; i < 30; i++)
            {
                changes.Add(AddSource(csharp, $"src/Acme.{project}/{Pick(["Scheduling", "Storage", "Networking", "Text", "Runtime"])}", ".cs"));
            }
        }
        for (var i = 0; i < 45; i++)
        {
            changes.Add(AddSource(python, $"python/acme/{Pick(["runtime", "models", "kernels", "utils"])}", ".py"));
        }
        for (var i = 0; i < 40; i++)
        {
            changes.Add(i % 2 == 0 ? AddSource(tests, "tests/Acme.Core.Tests", ".cs") : AddSource(tests, "tests/python", ".py"));
        }
        for (var i = 0; i < 12; i++)
        {
            changes.Add(AddSource(docs, "docs", ".md"));
        }
        foreach (var name in new[] { "ci", "release", "lint", "nightly" })
        {
            var path = $".github/workflows/{name}.yml";
            texts[path] = Lines(".yml", random.Next(30, 90));
            workflows.Add(path);
            changes.Add(new Change('M', path));
        }
        foreach (var (path, length) in new[] { ("third_party/json/json.hpp", 6000), ("third_party/zlib/inflate.c", 1600), ("third_party/zlib/deflate.c", 2000) })
        {
            texts[path] = Lines(".c", length);
            vendored.Add(path);
            changes.Add(new Change('M', path));
        }
        for (var i = 0; i < 380; i++)
        {
            packages.Add(($"{(i % 9 == 0 ? "@acme/" : string.Empty)}{Pick(Verbs)}-{Pick(Nouns)}-{i}", random.Next(0, 9), random.Next(0, 30), random.Next(0, 20), Integrity()));
        }
        changes.Add(WritePackageFiles()[0]);
        changes.Add(WritePackageFiles()[1]);
        texts["README.md"] = Lines(".md", 80);
        texts[".gitignore"] = ["bin/", "obj/", "node_modules/", "__pycache__/", "*.pyc", ".venv/"];
        changes.Add(new Change('M', "README.md"));
        changes.Add(new Change('M', ".gitignore"));
        var founder = (Authors[0].Name, Authors[0].Email);
        return new Commit(founder, founder, TimeSpan.Zero, "chore: initial import\n\nImport the code base from the old repository.\n", changes);
    }

    private Commit NextCommit()
    {
        var author = WeightedAuthor();
        var committer = random.NextDouble() < 0.55 ? GitHub : author;
        var lead = random.NextDouble() < 0.15 ? TimeSpan.FromMinutes(random.Next(60, 4 * 24 * 60)) : TimeSpan.FromSeconds(random.Next(0, 1800));
        var roll = random.Next(1000);
        var (subject, changes) = roll switch
        {
            < 230 => Feature(),
            < 470 => Fix(),
            < 550 => Refactor(),
            < 620 => TestOnly(),
            < 710 => Docs(),
            < 750 => Ci(),
            < 810 => DependencyBump(out author, out committer),
            < 840 => Performance(),
            < 860 => Cleanup(),
            < 875 => Vendor(),
            < 890 => Images(),
            < 900 => Revert(),
            < 920 => Style(),
            _ => Unconventional(),
        };
        if (author == Dependabot)
        {
            lead = TimeSpan.FromHours(random.Next(1, 30));
        }
        recentSubjects.Add(subject);
        if (recentSubjects.Count > 50)
        {
            recentSubjects.RemoveAt(0);
        }
        return new Commit(author, committer, lead, subject.StartsWith("chore(deps)", StringComparison.Ordinal) ? subject : Message(subject), changes);
    }

    private (string Name, string Email) WeightedAuthor()
    {
        var roll = random.Next(Authors.Sum(a => a.Weight));
        foreach (var author in Authors)
        {
            if ((roll -= author.Weight) < 0)
            {
                return (author.Name, author.Email);
            }
        }
        return (Authors[0].Name, Authors[0].Email);
    }

    // ----- kinds of commits -----

    private (string, List<Change>) Feature()
    {
        var changes = new List<Change>();
        var pool = random.Next(3) == 0 ? python : csharp;
        var ext = pool == python ? ".py" : ".cs";
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            changes.Add(Modify(Pick(pool), hunks: random.Next(1, 5), grow: true));
        }
        if (random.Next(2) == 0)
        {
            changes.Add(AddSource(pool, Path.GetDirectoryName(Pick(pool))!.Replace('\\', '/'), ext));
        }
        if (random.Next(10) < 6)
        {
            changes.Add(random.Next(3) == 0 ? AddSource(tests, ext == ".py" ? "tests/python" : "tests/Acme.Core.Tests", ext) : Modify(Pick(tests), random.Next(1, 3), grow: true));
        }
        var breaking = random.Next(40) == 0 ? "!" : string.Empty;
        return ($"feat({Pick(Scopes)}){breaking}: {Pick(["add", "support", "introduce", "expose"])} {Pick(Nouns)} {Pick(Nouns)} {Pick(["option", "API", "endpoint", "mode", "hook"])}", Distinct(changes));
    }

    private (string, List<Change>) Fix()
    {
        var changes = new List<Change>();
        for (var i = random.Next(1, 3); i > 0; i--)
        {
            changes.Add(Modify(Pick(random.Next(3) == 0 ? python : csharp), hunks: random.Next(1, 3), grow: false));
        }
        if (random.Next(2) == 0)
        {
            changes.Add(Modify(Pick(tests), 1, grow: true));
        }
        var subject = random.Next(25) == 0
            ? $"fix(auth): prevent {Pick(Nouns)} token leak in logs (CVE-2025-{random.Next(1000, 99999)})"
            : $"fix({Pick(Scopes)}): {Pick(["handle", "avoid", "fix", "guard against"])} {Pick(["null", "stale", "duplicate", "empty", "overflowing"])} {Pick(Nouns)} in {Pick(Verbs)}";
        return (subject, Distinct(changes));
    }

    private (string, List<Change>) Refactor()
    {
        var changes = new List<Change>();
        if (random.Next(4) == 0)
        {
            var pool = random.Next(3) == 0 ? python : csharp;
            var old = Pick(pool);
            var renamed = UniquePath(Path.GetDirectoryName(old)!.Replace('\\', '/'), Path.GetExtension(old));
            pool.Remove(old);
            pool.Add(renamed);
            texts[renamed] = texts[old];
            texts.Remove(old);
            changes.Add(new Change('R', renamed, old));
            if (random.Next(10) < 7)
            {
                changes.Add(Modify(renamed, 1, grow: false));
            }
        }
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            changes.Add(Modify(Pick(csharp), random.Next(1, 4), grow: false));
        }
        return ($"refactor({Pick(Scopes)}): {Pick(["extract", "simplify", "rename", "split"])} {Pick(Nouns)} {Pick(Verbs)} logic", Distinct(changes));
    }

    private (string, List<Change>) TestOnly()
    {
        var changes = new List<Change> { random.Next(3) == 0 ? AddSource(tests, "tests/Acme.Core.Tests", ".cs") : Modify(Pick(tests), random.Next(1, 4), grow: true) };
        return ($"test({Pick(Scopes)}): cover {Pick(Nouns)} {Pick(Verbs)} edge cases", changes);
    }

    private (string, List<Change>) Docs()
    {
        var changes = new List<Change> { random.Next(5) == 0 ? AddSource(docs, "docs", ".md") : Modify(Pick(docs), random.Next(1, 4), grow: true) };
        if (random.Next(4) == 0)
        {
            changes.Add(Modify("README.md", 1, grow: false));
        }
        if (random.Next(15) == 0 && docs.Count > 8)
        {
            var old = Pick(docs.Where(d => changes.All(c => c.Path != d)).ToList()); // a file already committed
            var renamed = UniquePath("docs/guides", ".md");
            docs.Remove(old);
            docs.Add(renamed);
            texts[renamed] = texts[old];
            texts.Remove(old);
            changes.Add(new Change('R', renamed, old));
        }
        return ($"docs: {Pick(["describe", "clarify", "document", "fix typos in"])} {Pick(Nouns)} {Pick(["configuration", "usage", "limits", "internals"])}", Distinct(changes));
    }

    private (string, List<Change>) Ci()
    {
        var path = Pick(workflows);
        return ($"ci: {Pick(["pin", "bump", "cache", "split"])} {Pick(["actions/checkout", "setup-dotnet", "setup-python", "test matrix"])} in {Path.GetFileNameWithoutExtension(path)} workflow",
            [Modify(path, random.Next(1, 3), grow: false)]);
    }

    private (string, List<Change>) DependencyBump(out (string Name, string Email) author, out (string Name, string Email) committer)
    {
        author = Dependabot;
        committer = GitHub;
        var index = random.Next(20);
        var (name, major, minor, patch, _) = packages[index];
        var before = $"{major}.{minor}.{patch}";
        packages[index] = random.Next(4) == 0 ? (name, major, minor + 1, 0, Integrity()) : (name, major, minor, patch + 1, Integrity());
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            var t = random.Next(20, packages.Count);
            var p = packages[t];
            packages[t] = (p.Name, p.Major, p.Minor, p.Patch + 1, Integrity());
        }
        var after = $"{packages[index].Major}.{packages[index].Minor}.{packages[index].Patch}";
        var subject = $"chore(deps): bump {name} from {before} to {after}";
        var message = $"{subject}\n\nBumps [{name}](https://github.com/acme/{name.TrimStart('@').Replace('/', '-')}) from {before} to {after}.\n"
            + $"- [Release notes](https://github.com/acme/{name.TrimStart('@').Replace('/', '-')}/releases)\n\n---\nupdated-dependencies:\n"
            + $"- dependency-name: {name}\n  dependency-type: direct:production\n  update-type: version-update:semver-patch\n...\n\n"
            + "Signed-off-by: dependabot[bot] <support@github.com>\n";
        return (message, [.. WritePackageFiles()]);
    }

    private (string, List<Change>) Performance() =>
        ($"perf({Pick(Scopes)}): {Pick(["avoid allocations in", "batch", "cache", "vectorize"])} {Pick(Nouns)} {Pick(Verbs)}",
            Distinct([Modify(Pick(csharp), random.Next(1, 4), grow: false), Modify(Pick(python), 1, grow: false)]));

    private (string, List<Change>) Cleanup()
    {
        var changes = new List<Change>();
        for (var i = random.Next(1, 3); i > 0; i--)
        {
            var pool = random.Next(3) == 0 ? tests : random.Next(2) == 0 ? python : csharp;
            if (pool.Count > 20)
            {
                var path = Pick(pool);
                pool.Remove(path);
                texts.Remove(path);
                changes.RemoveAll(c => c.Path == path);
                changes.Add(new Change('D', path));
            }
        }
        changes.Add(Modify(Pick(csharp), 1, grow: false));
        return ($"chore({Pick(Scopes)}): remove unused {Pick(Nouns)} helpers", Distinct(changes));
    }

    private (string, List<Change>) Vendor()
    {
        var changes = new List<Change>();
        foreach (var path in vendored.Where(_ => random.Next(2) == 0).DefaultIfEmpty(vendored[0]).ToList())
        {
            changes.Add(Modify(path, random.Next(15, 60), grow: false));
        }
        return ($"chore(vendor): update third_party to upstream {random.Next(1, 4)}.{random.Next(0, 12)}.{random.Next(0, 9)}", changes);
    }

    private (string, List<Change>) Images()
    {
        var changes = new List<Change>();
        var path = images.Count > 0 && random.Next(3) == 0 ? Pick(images) : UniquePath("docs/images", ".png");
        if (!images.Contains(path))
        {
            images.Add(path);
        }
        binaries[path] = Png(random.Next(2_000, 40_000));
        changes.Add(new Change('M', path));
        changes.Add(Modify(Pick(docs), 1, grow: true));
        return ($"docs: {Pick(["add", "update"])} {Path.GetFileNameWithoutExtension(path)} diagram", changes);
    }

    private (string, List<Change>) Revert()
    {
        var reverted = recentSubjects.Count > 0 ? recentSubjects[random.Next(recentSubjects.Count)] : "feat: something";
        return ($"Revert \"{reverted.Split('\n')[0]}\"", [Modify(Pick(csharp), random.Next(1, 3), grow: false)]);
    }

    private (string, List<Change>) Style() =>
        ("style: apply formatter", Distinct([.. Enumerable.Range(0, random.Next(2, 7)).Select(_ => Modify(Pick(random.Next(2) == 0 ? python : csharp), random.Next(2, 6), grow: false))]));

    private (string, List<Change>) Unconventional()
    {
        var pool = random.Next(2) == 0 ? python : csharp;
        var path = Pick(pool);
        var subject = random.Next(3) switch
        {
            0 => $"[{Pick(Scopes)}] {Pick(["Fix", "Improve", "Tweak"])} {Pick(Nouns)} handling",
            1 => $"{Pick(Scopes)}: {Pick(Verbs)} {Pick(Nouns)} lazily",
            _ => $"Update {Path.GetFileName(path)}",
        };
        return (subject, [Modify(path, random.Next(1, 3), grow: random.Next(2) == 0)]);
    }

    private string Message(string subject)
    {
        var builder = new StringBuilder(subject).Append('\n');
        if (random.Next(10) < 7)
        {
            for (var paragraph = random.Next(1, 4); paragraph > 0; paragraph--)
            {
                builder.Append('\n');
                for (var line = random.Next(1, 5); line > 0; line--)
                {
                    builder.Append(Sentence(random.Next(6, 12))).Append('\n');
                }
            }
        }
        if (subject.Contains("!:", StringComparison.Ordinal))
        {
            builder.Append($"\nBREAKING CHANGE: {Pick(Nouns)} {Pick(Verbs)} now requires an explicit {Pick(Nouns)}.\n");
        }
        var trailers = new List<string>();
        if (random.Next(3) == 0)
        {
            trailers.Add($"Refs: #{random.Next(100, 9000)}");
        }
        if (random.Next(6) == 0)
        {
            var co = WeightedAuthor();
            trailers.Add($"Co-authored-by: {co.Name} <{co.Email}>");
        }
        if (random.Next(4) == 0)
        {
            trailers.Add("Signed-off-by: " + Pick(Authors.Select(a => $"{a.Name} <{a.Email}>").ToArray()));
        }
        if (trailers.Count > 0)
        {
            builder.Append('\n').AppendJoin('\n', trailers).Append('\n');
        }
        return builder.ToString();
    }

    // ----- files -----

    private Change AddSource(List<string> pool, string directory, string extension)
    {
        var path = UniquePath(directory, extension);
        texts[path] = Lines(extension, random.Next(40, 260));
        pool.Add(path);
        return new Change('M', path);
    }

    private string UniquePath(string directory, string extension)
    {
        while (true)
        {
            var test = directory.StartsWith("tests/", StringComparison.Ordinal);
            var stem = extension switch
            {
                ".py" when test => $"test_{Pick(Verbs)}_{Pick(Nouns)}",
                ".cs" when test => $"{Title(Pick(Nouns))}{Title(Pick(Verbs))}Tests",
                ".py" => $"{Pick(Verbs)}_{Pick(Nouns)}",
                ".md" or ".png" => $"{Pick(Nouns)}-{Pick(Verbs)}",
                _ => $"{Title(Pick(Nouns))}{Title(Pick(Nouns))}{Title(Pick(["service", "provider", "factory", "options", "helper", "client"]))}",
            };
            var path = $"{directory}/{stem}{extension}";
            if (!texts.ContainsKey(path) && !binaries.ContainsKey(path))
            {
                return path;
            }
            var numbered = $"{directory}/{stem}{++counter}{extension}";
            if (!texts.ContainsKey(numbered) && !binaries.ContainsKey(numbered))
            {
                return numbered;
            }
        }
    }

    /// <summary>Edits a text file in place: each hunk replaces, inserts or deletes a few lines.</summary>
    private Change Modify(string path, int hunks, bool grow)
    {
        var lines = texts[path];
        var extension = Path.GetExtension(path);
        for (var h = 0; h < hunks; h++)
        {
            var at = random.Next(lines.Count + 1);
            var op = lines.Count > 600 ? 2 : random.Next(grow ? 5 : 3);
            switch (op)
            {
                case 0:
                    var replaced = Math.Min(random.Next(1, 5), lines.Count - Math.Min(at, lines.Count));
                    lines.RemoveRange(Math.Min(at, lines.Count), replaced);
                    lines.InsertRange(Math.Min(at, lines.Count), Lines(extension, random.Next(1, 5)));
                    break;
                case 2 when lines.Count > 30:
                    var start = Math.Min(at, lines.Count - 1);
                    lines.RemoveRange(start, Math.Min(random.Next(1, 6), lines.Count - start));
                    break;
                default:
                    lines.InsertRange(at, Lines(extension, random.Next(1, grow ? 16 : 5)));
                    break;
            }
        }
        return new Change('M', path);
    }

    private Change[] WritePackageFiles()
    {
        var json = new List<string> { "{", "  \"name\": \"acme-web\",", "  \"version\": \"1.0.0\",", "  \"private\": true,", "  \"dependencies\": {" };
        for (var i = 0; i < 20; i++)
        {
            json.Add($"    \"{packages[i].Name}\": \"^{packages[i].Major}.{packages[i].Minor}.{packages[i].Patch}\"{(i < 19 ? "," : string.Empty)}");
        }
        json.AddRange(["  }", "}"]);
        texts["package.json"] = json;

        var lockLines = new List<string> { "{", "  \"name\": \"acme-web\",", "  \"version\": \"1.0.0\",", "  \"lockfileVersion\": 3,", "  \"requires\": true,", "  \"packages\": {" };
        for (var i = 0; i < packages.Count; i++)
        {
            var (name, major, minor, patch, integrity) = packages[i];
            var version = $"{major}.{minor}.{patch}";
            var tail = name[(name.LastIndexOf('/') + 1)..];
            lockLines.Add($"    \"node_modules/{name}\": {{");
            lockLines.Add($"      \"version\": \"{version}\",");
            lockLines.Add($"      \"resolved\": \"https://registry.npmjs.org/{name}/-/{tail}-{version}.tgz\",");
            lockLines.Add($"      \"integrity\": \"sha512-{integrity}\",");
            if (i >= 20)
            {
                lockLines.Add("      \"dev\": true,");
            }
            lockLines.Add("      \"license\": \"MIT\"");
            lockLines.Add(i < packages.Count - 1 ? "    }," : "    }");
        }
        lockLines.AddRange(["  }", "}"]);
        texts["package-lock.json"] = lockLines;
        return [new Change('M', "package.json"), new Change('M', "package-lock.json")];
    }

    private List<string> Lines(string extension, int count)
    {
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var w = Pick(Nouns);
            var n = random.Next(1, 100);
            var k = random.Next(0, 1000);
            lines.Add(extension switch
            {
                ".cs" => random.Next(8) switch
                {
                    0 => $"    public int {Title(Pick(Verbs))}{Title(w)}(int {w}) => {w} * {k};",
                    1 => $"        var {w}{n} = {Title(Pick(Nouns))}.{Title(Pick(Verbs))}({w}, {k});",
                    2 => $"        if ({w}{n} is null) throw new ArgumentNullException(nameof({w}{n}));",
                    3 => $"        // {Sentence(random.Next(4, 10))}",
                    4 => $"        return {w}{n} + {k};",
                    5 => "    }",
                    6 => string.Empty,
                    _ => $"    private readonly {Title(w)}Options {w}Options{n} = new() {{ Limit = {k} }};",
                },
                ".py" => random.Next(7) switch
                {
                    0 => $"def {Pick(Verbs)}_{w}({Pick(Nouns)}, limit={k}):",
                    1 => $"    {w}_{n} = {Pick(Verbs)}_{Pick(Nouns)}({w}, {k})",
                    2 => $"    # {Sentence(random.Next(4, 10))}",
                    3 => $"    if {w} is None:",
                    4 => $"        raise ValueError(\"{w} is required\")",
                    5 => string.Empty,
                    _ => $"    return {w}_{n} * {k}",
                },
                ".md" => random.Next(6) switch
                {
                    0 => $"## {Title(Pick(Nouns))} {Pick(Verbs)}",
                    1 => string.Empty,
                    2 => $"- `{w}.{Pick(Verbs)}`: {Sentence(random.Next(5, 12))}",
                    _ => Sentence(random.Next(8, 20)),
                },
                ".yml" => random.Next(5) switch
                {
                    0 => $"      - name: {Title(Pick(Verbs))} {w}",
                    1 => $"        run: make {Pick(Verbs)}-{w} JOBS={n}",
                    2 => $"        uses: actions/{Pick(["checkout", "cache", "setup-dotnet", "setup-python"])}@v{random.Next(2, 6)}",
                    3 => $"          {w}-key: ${{{{ runner.os }}}}-{Pick(Verbs)}-{k}",
                    _ => $"    timeout-minutes: {n}",
                },
                _ => random.Next(5) switch
                {
                    0 => $"static int {Pick(Verbs)}_{w}(struct {w}_state *s, unsigned n{n}) {{",
                    1 => $"    s->{w}[{n}] = ({Pick(Nouns)} >> {n % 16}) ^ 0x{k:x4};",
                    2 => $"    /* {Sentence(random.Next(4, 10))} */",
                    3 => "}",
                    _ => $"    if (n{n} > {k}) return Z_{Pick(Nouns).ToUpperInvariant()}_ERROR;",
                },
            });
        }
        return lines;
    }

    private string Sentence(int words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var word = Pick(Words);
            builder.Append(i == 0 ? Title(word) : " " + word);
        }
        return builder.Append('.').ToString();
    }

    private byte[] Png(int size)
    {
        var bytes = new byte[size];
        random.NextBytes(bytes);
        byte[] header = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        header.CopyTo(bytes, 0);
        bytes[20] = 0; // make sure git sees a NUL byte early: binary
        return bytes;
    }

    private string Integrity()
    {
        var bytes = new byte[48];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Title(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static List<Change> Distinct(List<Change> changes)
    {
        // A path renamed or deleted earlier in the commit must not be modified under its old name; keep the last 'M'.
        var result = new List<Change>();
        foreach (var change in changes)
        {
            if (change.Kind == 'M' && result.Any(c => c.Path == change.Path && c.Kind == 'M'))
            {
                continue;
            }
            result.Add(change);
        }
        return result;
    }
}
