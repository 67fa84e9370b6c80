using System.Text.RegularExpressions;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>What the analysis text may rely on beyond file roles: which files lie in the core of the repository
/// (not benchmarks, examples, tools, scripts, tests, docs or CI), whether the commit bumps the project's own release
/// version, is trivial, edits default values or hardens input handling, which dependency a bump names and which
/// commit a revert undoes. The scorer's reasons decide where they carry the code (<c>periphery</c>,
/// <c>release-version</c>, <c>trivial</c>, <c>defaults</c>, <c>hardening</c>); otherwise this class derives what it
/// can from paths and the title (hardening only from the reason). It is the one place to change when the scorer's repository profile lands.</summary>
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

    public static TextSignals Of(CommitRecord commit, IReadOnlyList<ClassifiedFile> files, ImportanceAssessment importance)
    {
        bool Reason(string code) => importance.Reasons.Any(r => r.Code == code);
        var meaningful = files.Where(f => f.IsMeaningful).ToList();
        var core = Reason("periphery") ? [] : meaningful.Where(f => !IsPeripheral(f)).ToList();
        var lines = meaningful.Sum(f => (long)f.Change.Additions + f.Change.Deletions);
        return new TextSignals(
            core,
            Reason("periphery") || (meaningful.Count > 0 && core.Count == 0),
            Reason("release-version") || (ReleaseTitle().IsMatch(TypePrefix().Replace(commit.Title, string.Empty)) && meaningful.All(IsVersionFile)),
            Reason("trivial") || lines <= 2,
            Reason("defaults") || DefaultsTitle().IsMatch(commit.Title),
            Reason("hardening"));
    }

    /// <summary>Tests, docs and CI, and any file under a benchmark, example, tool or script directory.</summary>
    public static bool IsPeripheral(ClassifiedFile file) =>
        file.Role is FileRole.Test or FileRole.Docs or FileRole.CI ||
        file.Change.Path.Split('/').SkipLast(1).Any(PeripherySegments.Contains);

    /// <summary>"lodash" and "4.17.21" from "Bump lodash from 4.17.20 to 4.17.21" or "update dependency foo to v1.1".</summary>
    public static (string Name, string Version)? Bump(string subject) =>
        DependencyBump().Match(subject) is { Success: true } match ? (match.Groups["name"].Value, match.Groups["to"].Value.TrimEnd('.', ',')) : null;

    /// <summary>The title of the commit a <c>Revert "…"</c> undoes.</summary>
    public static string? Reverted(string title) =>
        RevertTitle().Match(title) is { Success: true } match ? match.Groups["title"].Value : null;

    private static bool IsVersionFile(ClassifiedFile file) =>
        file.Role is FileRole.DependencyManifest or FileRole.Docs or FileRole.Config or FileRole.Build ||
        Path.GetFileName(file.Change.Path).Contains("version", StringComparison.OrdinalIgnoreCase) ||
        file.Change.Additions + file.Change.Deletions <= 4;

    /// <summary>"[tag] " and "type(scope)!: " before a title's subject.</summary>
    [GeneratedRegex(@"^\s*(?:\[[^\]]{0,40}\]\s*)*(?:[A-Za-z]+(?:\([^)]{0,80}\))?!?\s*:\s*)?", RegexOptions.CultureInvariant)]
    private static partial Regex TypePrefix();

    [GeneratedRegex(@"^(?:release\b|releasing\b|bump(?:ed)? (?:the )?(?:\S+ )?(?:version|to v?\d)|version bump|prepare (?:for )?(?:the )?(?:release|v?\d)|(?:set|update) (?:the )?version|v?\d+\.\d+(?:\.\d+)*(?:[-.+]\w+)*$)|\brelease v?\d+\.\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseTitle();

    /// <summary>"Raise the default batch size", "enable X by default", "default timeout to 30 s".</summary>
    [GeneratedRegex(@"\bby default\b|\bdefaults?(?: values?)? (?:to|from|is now)\b|\b(?:change|raise|lower|increase|decrease|reduce|set|update|bump|switch|flip)(?:s|d|ed)? (?:the )?defaults?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefaultsTitle();

    [GeneratedRegex(@"^(?:bump|update|upgrade)s?\s+(?:the\s+)?(?:(?:dependency|module|rust crate|crate|package|gem|npm package|docker tag|helm release|go module)\s+)?(?<name>[@\w][\w@./-]*)(?:\s+(?:action|digest|image))?\s+(?:from\s+\S+\s+)?to\s+(?<to>v?\d[\w.+-]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DependencyBump();

    [GeneratedRegex(@"^\s*Revert\s+""(?<title>.+)""\s*(?:\(#\d+\))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RevertTitle();
}
