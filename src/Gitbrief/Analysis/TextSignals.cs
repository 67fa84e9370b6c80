using System.Text.RegularExpressions;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>What the analysis text may rely on beyond file roles: which files lie in the core of the repository
/// (not benchmarks, examples, tools, scripts, tests, docs or CI), and — from the ranking's <see cref="CommitSignals"/> —
/// whether the commit bumps the project's own release version, is trivial, edits defaults or hardens input handling;
/// which dependency a bump names and which commit a revert undoes.</summary>
internal sealed partial class TextSignals
{
    /// <summary>Directory names of the periphery: code that ships to no user of the product.</summary>
    private static readonly HashSet<string> PeripherySegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "bench", "benches", "benchmark", "benchmarks", "example", "examples", "demo", "demos", "sample", "samples",
        "tool", "tools", "script", "scripts", "contrib", "playground", "tutorial", "tutorials", "misc", "hack", "dev",
        "doc", "docs", "test", "tests", "testing", ".github", ".devcontainer", ".ci", "ci",
    };

    private TextSignals(IReadOnlyList<ClassifiedFile> core, bool peripheral, bool releaseVersion, bool trivial, bool defaults, bool hardening)
    {
        Core = core;
        Peripheral = peripheral;
        ReleaseVersion = releaseVersion;
        Trivial = trivial;
        Defaults = defaults;
        Hardening = hardening;
    }

    /// <summary>The meaningful files in the core of the repository.</summary>
    public IReadOnlyList<ClassifiedFile> Core { get; }

    /// <summary>Nothing of the core changed: advice about upgrading or about users does not apply.</summary>
    public bool Peripheral { get; }

    /// <summary>A bump of the project's own version, not a dependency change.</summary>
    public bool ReleaseVersion { get; }

    /// <summary>A change of a line or two.</summary>
    public bool Trivial { get; }

    public bool Defaults { get; }

    public bool Hardening { get; }

    /// <summary>What the text may say, from the signals the ranking read.</summary>
    public static TextSignals Of(IReadOnlyList<ClassifiedFile> files, CommitSignals signals)
    {
        var meaningful = Where(files, f => f.IsMeaningful);
        var peripheral = signals.Periphery || signals.ExamplesOnly || signals.ThemesAdded || signals.AgentSkills || signals.Automation || signals.ReleaseTooling;
        var core = peripheral ? [] : Where(meaningful, f => !IsPeripheral(f));
        return new TextSignals(
            core,
            peripheral || (meaningful.Count > 0 && core.Count == 0),
            signals.ReleaseVersion is not null,
            signals.Trivial,
            signals.Defaults is not null,
            signals.Hardening is not null);
    }

    /// <summary>The files <paramref name="predicate"/> takes, in a list sized for all of them: Native AOT's LINQ grows a
    /// <c>Where(…).ToList()</c> by doubling (for a commit of 20,000 files, twice the memory, on the large object heap).</summary>
    private static List<ClassifiedFile> Where(IReadOnlyList<ClassifiedFile> files, Func<ClassifiedFile, bool> predicate)
    {
        var taken = new List<ClassifiedFile>(files.Count);
        foreach (var file in files)
        {
            if (predicate(file))
            {
                taken.Add(file);
            }
        }
        return taken;
    }

    /// <summary>Tests, docs and CI, and any file under a benchmark, example, tool or script directory.</summary>
    public static bool IsPeripheral(ClassifiedFile file) =>
        file.Role is FileRole.Test or FileRole.Docs or FileRole.CI || InPeripheryDirectory(file.Change.Path);

    /// <summary>Whether a directory of <paramref name="path"/> (a segment before its last slash) is a periphery one: looked up
    /// as spans of the path, without splitting it (asked of every file of a commit).</summary>
    private static bool InPeripheryDirectory(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0)
        {
            return false;
        }
        var directories = path.AsSpan(0, slash);
        foreach (var segment in directories.Split('/'))
        {
            if (PeripheryLookup.Contains(directories[segment]))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PeripheryLookup = PeripherySegments.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"lodash" and "4.17.21" from "Bump lodash from 4.17.20 to 4.17.21" or "update dependency foo to v1.1".</summary>
    public static (string Name, string Version)? Bump(string subject) =>
        DependencyBump().Match(subject) is { Success: true } match ? (match.Groups["name"].Value, match.Groups["to"].Value.TrimEnd('.', ',')) : null;

    /// <summary>The title of the commit a <c>Revert "…"</c> undoes.</summary>
    public static string? Reverted(string title) =>
        RevertTitle().Match(title) is { Success: true } match ? match.Groups["title"].Value : null;

    [GeneratedRegex(@"^(?:bump|update|upgrade)s?\s+(?:the\s+)?(?:(?:dependency|module|rust crate|crate|package|gem|npm package|docker tag|helm release|go module)\s+)?(?<name>[@\w][\w@./-]*)(?:\s+(?:action|digest|image))?\s+(?:from\s+\S+\s+)?to\s+(?<to>v?\d[\w.+-]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DependencyBump();

    [GeneratedRegex(@"^\s*Revert\s+""(?<title>.+)""\s*(?:\(#\d+\))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RevertTitle();
}
