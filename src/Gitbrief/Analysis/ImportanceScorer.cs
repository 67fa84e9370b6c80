using Gitbrief.Configuration;

namespace Gitbrief.Analysis;

/// <summary>Scores a commit with the current tool's four terms (type, size, main file role, scope), measured on
/// meaningful files only, plus the signals it missed (breaking, security, revert, sensitive files, dependency
/// manifests) and caps for docs-, test-, CI- and lockfile-only commits. The score is the sum of the reasons' points:
/// a force to high or a cap is itself a reason whose points close the gap.</summary>
internal sealed class ImportanceScorer(ImportanceWeights weights, RulesPhrases phrases, SignalPhrases signalPhrases)
{
    public ImportanceAssessment Assess(CommitTraits traits, IReadOnlyList<ClassifiedFile> files) =>
        Assess(traits, files, null);

    /// <summary>The base score (the current tool's four terms and the sensitive-file and manifest points), then the
    /// signals: each one shown as a reason, and those that move the level carry the points that close the gap.</summary>
    public ImportanceAssessment Assess(CommitTraits traits, IReadOnlyList<ClassifiedFile> files, CommitSignals? signals)
    {
        var reasons = BaseReasons(traits, files);
        // A plain title says little of what changed: that it closes a merged pull request says it is a whole change someone
        // reviewed ("Fail open for GPT-5 model tokenisers (#596)"), not one step of a branch pushed commit by commit.
        if (signals is { PullRequest: { } pullRequest })
        {
            reasons.Add(new("pull-request", 1, signalPhrases.PullRequest(pullRequest)));
        }
        var score = reasons.Sum(r => r.Points);
        var level = LevelOf(score);
        var (floor, floorReason, hard) = Floor(traits, files, signals);
        var (ceiling, ceilingReason) = Ceiling(files, signals, hard);
        if (floorReason is { } raise)
        {
            reasons.Add(Above(floor, level) ? raise with { Points = Gap(score, floor, raising: true) } : raise);
            level = Above(floor, level) ? floor : level;
        }
        score = reasons.Sum(r => r.Points);
        if (ceilingReason is { } lower)
        {
            // One reason per signal: a signal that is both floor and ceiling (a release pipeline change is exactly
            // medium) carries both moves.
            var same = reasons.FindIndex(r => r.Code == lower.Code);
            if (Above(level, ceiling))
            {
                var points = Gap(score, ceiling, raising: false);
                if (same >= 0)
                {
                    reasons[same] = reasons[same] with { Points = reasons[same].Points + points };
                }
                else
                {
                    reasons.Add(lower with { Points = points });
                }
            }
            else if (same < 0 && lower.Code != ImportanceAssessment.HoldCode)
            {
                // A ceiling that did not bind is still a signal worth showing; the absence of one is not.
                reasons.Add(lower);
            }
        }
        if (signals is not null)
        {
            reasons.AddRange(Evidence(signals, reasons));
        }
        score = reasons.Sum(r => r.Points);
        return new ImportanceAssessment(LevelOf(score), score, reasons);
    }

    private List<ScoreReason> BaseReasons(CommitTraits traits, IReadOnlyList<ClassifiedFile> files)
    {
        var meaningful = files.Where(f => f.IsMeaningful).ToList();
        var reasons = new List<ScoreReason>
        {
            new("type", weights.TypeWeight(WeightKey(traits.WeightKey)), phrases.TypeReason(traits.WeightKey)),
        };
        var lines = meaningful.Sum(f => (long)f.Change.Additions + f.Change.Deletions);
        var sizePoints = lines > weights.LargeChange ? 3 : lines > weights.MediumChange ? 2 : lines > weights.SmallChange ? 1 : 0;
        reasons.Add(new("size", sizePoints, phrases.SizeReason((int)Math.Min(lines, int.MaxValue))));
        if (PrimaryRole(meaningful) is { } role)
        {
            reasons.Add(new("files", RoleWeight(role), phrases.RoleReason(role)));
        }
        var scopePoints = meaningful.Count > weights.WideScope ? 2 : meaningful.Count >= weights.MediumScope ? 1 : 0;
        reasons.Add(new("scope", scopePoints, phrases.ScopeReason(meaningful.Count)));
        var sensitive = meaningful.FirstOrDefault(f => f.IsSensitive);
        if (sensitive is not null)
        {
            reasons.Add(new("sensitive-files", 1, phrases.SensitiveReason(sensitive.Change.Path)));
        }
        if (files.Any(f => f.Role == FileRole.DependencyManifest))
        {
            reasons.Add(new("dependencies", 1, phrases.DependenciesReason));
        }
        return reasons;
    }

    /// <summary>The lowest level the commit may have and why. Hard floors (breaking, security) hold against every
    /// ceiling but a docs/test/CI/lockfile-only change; the others give way to ceilings.</summary>
    private (ImportanceLevel Level, ScoreReason? Reason, bool Hard) Floor(CommitTraits traits, IReadOnlyList<ClassifiedFile> files, CommitSignals? signals)
    {
        var roleOnly = signals?.RoleOnly ?? RoleOnly(files);
        // A release commit's body is its changelog: the breaking changes it lists landed in their own commits.
        if (!roleOnly && traits.Breaking && signals is not { ReleaseVersion: not null })
        {
            return (ImportanceLevel.High, new("breaking", 0, phrases.BreakingReason), true);
        }
        if (!roleOnly && signals is { ApiBreak: { } attribute })
        {
            return (ImportanceLevel.High, new("breaking", 0, signalPhrases.ApiBreak(attribute)), true);
        }
        if (signals is null && !roleOnly && traits.Security)
        {
            return (ImportanceLevel.High, new("security", 0, phrases.SecurityReason(traits.SecurityKeyword ?? string.Empty)), true);
        }
        if (signals is { Hardening: { } hardening })
        {
            return traits.Security && hardening == traits.SecurityKeyword
                ? (ImportanceLevel.High, new("security", 0, phrases.SecurityReason(hardening)), true)
                : (ImportanceLevel.High, new("hardening", 0, signalPhrases.Hardening(hardening)), true);
        }
        if (signals is { Dependency: { Kind: DependencyBumpKind.Engine } engine })
        {
            return (ImportanceLevel.High, new("engine", 0, signalPhrases.Engine(engine.What)), true);
        }
        if (signals is { Core: true, SevereFix: { } severe })
        {
            return Vocabulary.IsCritical(severe)
                ? (ImportanceLevel.High, new("critical-fix", 0, signalPhrases.SevereFix(severe)), false)
                : (ImportanceLevel.Medium, new("severe-fix", 0, signalPhrases.SevereFix(severe)), false);
        }
        if (signals is { Defaults: { } defaults })
        {
            return (ImportanceLevel.High, new("defaults", 0, signalPhrases.Defaults(defaults)), false);
        }
        if (signals is { Removal: true })
        {
            return (ImportanceLevel.High, new("removal", 0, signalPhrases.Removal), false);
        }
        if (signals is { FormatVersion: { } format })
        {
            return (ImportanceLevel.High, new("format-version", 0, signalPhrases.FormatVersion(format)), false);
        }
        // A new capability or setting is opt-in: it reaches whoever calls the new op or sets the new variable, and nothing
        // changes for the others (labelled medium on every blind set).
        if (signals is { CoreFeature: true })
        {
            return (ImportanceLevel.Medium, new("core-feature", 0, signalPhrases.CoreFeature), false);
        }
        if (signals is { NewSetting: { } setting })
        {
            return (ImportanceLevel.Medium, new("setting", 0, signalPhrases.NewSetting(setting)), false);
        }
        if (signals is { SupportFloor: { } supported })
        {
            return (ImportanceLevel.Medium, new("support-floor", 0, signalPhrases.SupportFloor(supported)), false);
        }
        if (signals is { Deprecation: { } deprecated })
        {
            return (ImportanceLevel.Medium, new("deprecation", 0, signalPhrases.Deprecation(deprecated)), false);
        }
        if (signals is { DeprecatedRemoval: true })
        {
            return (ImportanceLevel.Medium, new("deprecated-removal", 0, signalPhrases.DeprecatedRemoval), false);
        }
        if (signals is { Dependency: { Kind: DependencyBumpKind.Major, Shipped: true } major })
        {
            return (ImportanceLevel.Medium, new("dependency-major", 0, signalPhrases.Major(major.What)), false);
        }
        if (signals is { Graduation: { } graduation })
        {
            return (ImportanceLevel.Medium, new("graduation", 0, signalPhrases.Graduation(graduation)), false);
        }
        if (traits.Revert && !roleOnly)
        {
            return (ImportanceLevel.Medium, new("revert", 0, phrases.RevertReason), false);
        }
        if (signals is { ReleasePipeline: true })
        {
            return (ImportanceLevel.Medium, new("release-pipeline", 0, signalPhrases.ReleasePipeline), false);
        }
        if (signals is { ScopedBehaviour: { } scoped })
        {
            return (ImportanceLevel.Medium, new("scoped-behaviour", 0, signalPhrases.ScopedBehaviour(scoped)), false);
        }
        if (signals is { BehaviourVerb: { } verb })
        {
            return (ImportanceLevel.Medium, new("behaviour", 0, signalPhrases.BehaviourVerb(verb)), false);
        }
        return (ImportanceLevel.Low, null, false);
    }

    /// <summary>The highest level the commit may have and why.</summary>
    private (ImportanceLevel Level, ScoreReason? Reason) Ceiling(IReadOnlyList<ClassifiedFile> files, CommitSignals? signals, bool hardFloor)
    {
        // A moved submodule is the bundled engine, and a security fix of vendored code ships in the product, though no file
        // of the repository's own but its changelog changes.
        var bundled = signals is { Dependency.Kind: DependencyBumpKind.Engine } || hardFloor && files.Any(f => f.Role == FileRole.Vendored);
        // An empty commit ("Initial plan" of a coding agent, "Trigger Build", a cherry-pick already applied) changes
        // nothing, whatever its title claims; one that declares a breaking change keeps its floor.
        if (files.Count == 0 && !hardFloor)
        {
            return (ImportanceLevel.Low, new("cap", 0, phrases.EmptyReason));
        }
        if (!bundled && Cap(files) is { } cap)
        {
            // A release pipeline change is exactly medium: the floor lifts it, this ceiling holds it there.
            return signals is { ReleasePipeline: true }
                ? (ImportanceLevel.Medium, new("release-pipeline", 0, signalPhrases.ReleasePipeline))
                : (cap.Level, new("cap", 0, phrases.CapReason(cap.What)));
        }
        if (signals is { Automation: true })
        {
            if (signals.ReleasePipeline)
            {
                return (ImportanceLevel.Medium, new("release-pipeline", 0, signalPhrases.ReleasePipeline));
            }
            return (ImportanceLevel.Low, new("automation", 0, signalPhrases.Automation));
        }
        if (signals is { ReleaseTooling: true })
        {
            return (ImportanceLevel.Low, new("release-tooling", 0, signalPhrases.ReleaseTooling));
        }
        if (signals is { ExamplesOnly: true })
        {
            return (ImportanceLevel.Low, new("examples", 0, signalPhrases.Examples));
        }
        if (signals is { ThemesAdded: true })
        {
            return (ImportanceLevel.Low, new("themes", 0, signalPhrases.ThemesAdded));
        }
        if (signals is { AgentSkills: true })
        {
            return (ImportanceLevel.Low, new("agent-skills", 0, signalPhrases.AgentSkills));
        }
        if (hardFloor || signals is null)
        {
            return (ImportanceLevel.High, null);
        }
        if (signals.DeclaredTests)
        {
            return (ImportanceLevel.Low, new("tests", 0, signalPhrases.DeclaredTests));
        }
        if (signals.ReleaseVersion is { } version)
        {
            return (ImportanceLevel.Low, new("release-version", 0, signalPhrases.Release(version)));
        }
        if (signals.Dependency is { } bump && bump.Kind != DependencyBumpKind.Engine && signals.SupportFloor is null)
        {
            return bump.Kind == DependencyBumpKind.Major
                ? (ImportanceLevel.Medium, new("dependency-major", 0, signalPhrases.Major(bump.What)))
                : (ImportanceLevel.Low, new("dependency-routine", 0, signalPhrases.Routine(bump.What)));
        }
        if (signals.CodeOnly is { } only)
        {
            return (ImportanceLevel.Low, new(only == "formatting" ? "formatting" : "comments", 0, signalPhrases.CodeOnly(only)));
        }
        if (signals.Trivial)
        {
            // "Tokenizer: Change default to lazy init" in one line: small, but what every user gets changes.
            return (signals.Defaults is null ? ImportanceLevel.Low : ImportanceLevel.Medium, new("trivial", 0, signalPhrases.Trivial));
        }
        if (signals.Refactor is { } refactor)
        {
            return (ImportanceLevel.Low, new("refactor", 0, signalPhrases.Refactor(refactor)));
        }
        if (signals.Wording is { } wording)
        {
            return (ImportanceLevel.Low, new("wording", 0, signalPhrases.Wording(wording)));
        }
        if (signals.FollowUp is { } followUp)
        {
            return (ImportanceLevel.Low, new("follow-up", 0, signalPhrases.FollowUp(followUp)));
        }
        if (signals.Unnamed is { } unnamed)
        {
            return (ImportanceLevel.Low, new("unnamed", 0, signalPhrases.Unnamed(unnamed)));
        }
        if (signals.BuildFix is { } build)
        {
            return (ImportanceLevel.Low, new("build-fix", 0, signalPhrases.BuildFix(build)));
        }
        if (signals.BuildScriptsOnly)
        {
            return (ImportanceLevel.Low, new("build-scripts", 0, signalPhrases.BuildScripts));
        }
        if (signals.Periphery)
        {
            return (ImportanceLevel.Medium, new("periphery", 0, signalPhrases.Periphery));
        }
        if (signals.Target is { } target)
        {
            return (ImportanceLevel.Medium, new("target", 0, signalPhrases.Target(target)));
        }
        if (signals.Experimental is { } experimental)
        {
            return (ImportanceLevel.Medium, new("experimental", 0, signalPhrases.Experimental(experimental)));
        }
        if (!HasHighSignal(signals))
        {
            return (ImportanceLevel.Medium, new(ImportanceAssessment.HoldCode, 0, signalPhrases.NoHighSignal));
        }
        return (ImportanceLevel.High, null);
    }

    private static bool HasHighSignal(CommitSignals signals) =>
        signals.Hardening is not null || signals.Dependency is { Kind: DependencyBumpKind.Engine }
        || signals is { Core: true, SevereFix: { } severe } && Vocabulary.IsCritical(severe) || signals.Defaults is not null || signals.Removal || signals.FormatVersion is not null;

    /// <summary>The signals that did not move the level, shown with zero points so the reader sees them all.</summary>
    private IEnumerable<ScoreReason> Evidence(CommitSignals signals, List<ScoreReason> shown)
    {
        var codes = shown.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        if (signals.Hardening is { } hardening && !codes.Contains("hardening") && !codes.Contains("security"))
        {
            yield return new("security", 0, phrases.SecurityReason(hardening));
        }
        if (signals.Core && !codes.Contains("core-feature"))
        {
            yield return new("core", 0, signalPhrases.Core);
        }
        if (signals.Periphery && !codes.Contains("periphery"))
        {
            yield return new("periphery", 0, signalPhrases.Periphery);
        }
        if (signals.Experimental is { } experimental && !codes.Contains("experimental"))
        {
            yield return new("experimental", 0, signalPhrases.Experimental(experimental));
        }
    }

    private ImportanceLevel LevelOf(int score) =>
        score >= weights.HighThreshold ? ImportanceLevel.High : score >= weights.MediumThreshold ? ImportanceLevel.Medium : ImportanceLevel.Low;

    /// <summary>Whether <paramref name="a"/> ranks above (is more important than) <paramref name="b"/>.</summary>
    private static bool Above(ImportanceLevel a, ImportanceLevel b) => a < b;

    /// <summary>The points that move a score to the edge of a level: its threshold when raising, just below the next
    /// level's when lowering.</summary>
    private int Gap(int score, ImportanceLevel level, bool raising) => level switch
    {
        ImportanceLevel.High => weights.HighThreshold - score,
        ImportanceLevel.Medium => (raising ? weights.MediumThreshold : weights.HighThreshold - 1) - score,
        _ => weights.MediumThreshold - 1 - score,
    };

    /// <summary>The weight keys the current tool knows; the kinds it did not know borrow a neighbour's weight
    /// unless the config names them.</summary>
    private string WeightKey(string key) =>
        weights.CommitTypes.ContainsKey(key) ? key : key switch
        {
            "deps" => "build",
            "revert" or "security" => "fix",
            _ => key,
        };

    private int RoleWeight(FileRole role) => role switch
    {
        FileRole.Source => weights.CoreFiles,
        FileRole.Config => weights.ConfigFiles,
        FileRole.Test => weights.TestFiles,
        FileRole.Docs => weights.DocFiles,
        _ => 0,
    };

    /// <summary>The most common role among meaningful files; ties go to the role listed first in <see cref="FileRole"/>.</summary>
    internal static FileRole? PrimaryRole(IReadOnlyList<ClassifiedFile> meaningful) =>
        meaningful.Count == 0
            ? null
            : RoleCounts.Of(meaningful)[0].Role;

    private static bool RoleOnly(IReadOnlyList<ClassifiedFile> files) =>
        files.Count > 0 && files.Where(f => f.IsMeaningful).All(f => f.Role is FileRole.Docs or FileRole.Test or FileRole.CI);

    /// <summary>Docs-, test- and CI-only commits, and commits of lockfiles / generated / vendored / binary files only,
    /// are low whatever their size.</summary>
    private (ImportanceLevel Level, string What)? Cap(IReadOnlyList<ClassifiedFile> files)
    {
        var meaningful = files.Where(f => f.IsMeaningful).ToList();
        if (files.Count == 0)
        {
            return null;
        }
        if (meaningful.Count == 0)
        {
            var roles = files.Select(f => phrases.Role(f.Role)).Distinct().Order(StringComparer.Ordinal);
            return (ImportanceLevel.Low, string.Join(phrases.ListSeparator, roles));
        }
        var kinds = meaningful.Select(f => f.Role).Distinct().Order().ToList();
        if (kinds.Any(k => k is not (FileRole.Docs or FileRole.Test or FileRole.CI)))
        {
            return null;
        }
        return (ImportanceLevel.Low, string.Join(phrases.ListSeparator, kinds.Select(phrases.Role)));
    }
}
