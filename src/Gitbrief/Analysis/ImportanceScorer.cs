namespace Gitbrief.Analysis;

/// <summary>Scores a commit with the current tool's four terms (type, size, main file role, scope), measured on
/// meaningful files only, plus the signals it missed (breaking, security, revert, sensitive files, dependency
/// manifests) and caps for docs-, test-, CI- and lockfile-only commits. The score is the sum of the reasons' points:
/// a force to high or a cap is itself a reason whose points close the gap.</summary>
internal sealed class ImportanceScorer(ImportanceWeights weights, RulesPhrases phrases)
{
    public ImportanceAssessment Assess(CommitTraits traits, IReadOnlyList<ClassifiedFile> files)
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

        var sensitive = meaningful.FirstOrDefault(f =>
            SensitiveFiles.IsMigration(f.Change.Path) || SensitiveFiles.IsSchema(f.Change.Path) || SensitiveFiles.IsPublicApi(f.Change.Path));
        if (sensitive is not null)
        {
            reasons.Add(new("sensitive-files", 1, phrases.SensitiveReason(sensitive.Change.Path)));
        }
        if (files.Any(f => f.Role == FileRole.DependencyManifest))
        {
            reasons.Add(new("dependencies", 1, phrases.DependenciesReason));
        }

        var score = reasons.Sum(r => r.Points);
        if (traits.Breaking || traits.Security)
        {
            var code = traits.Breaking ? "breaking" : "security";
            var detail = traits.Breaking ? phrases.BreakingReason : phrases.SecurityReason(traits.SecurityKeyword ?? string.Empty);
            reasons.Add(new(code, Math.Max(0, weights.HighThreshold - score), detail));
            if (traits.Breaking && traits.Security)
            {
                reasons.Add(new("security", 0, phrases.SecurityReason(traits.SecurityKeyword ?? string.Empty)));
            }
        }
        else
        {
            if (traits.Revert)
            {
                reasons.Add(new("revert", Math.Max(0, weights.MediumThreshold - score), phrases.RevertReason));
                score = reasons.Sum(r => r.Points);
            }
            if (Cap(files, meaningful) is { } cap)
            {
                var ceiling = cap.Level == ImportanceLevel.Low ? weights.MediumThreshold - 1 : weights.HighThreshold - 1;
                if (score > ceiling)
                {
                    reasons.Add(new("cap", ceiling - score, phrases.CapReason(cap.What)));
                }
            }
        }

        score = reasons.Sum(r => r.Points);
        var level = score >= weights.HighThreshold ? ImportanceLevel.High
            : score >= weights.MediumThreshold ? ImportanceLevel.Medium
            : ImportanceLevel.Low;
        return new ImportanceAssessment(level, score, reasons);
    }

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
            : meaningful.GroupBy(f => f.Role).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    private (ImportanceLevel Level, string What)? Cap(IReadOnlyList<ClassifiedFile> files, IReadOnlyList<ClassifiedFile> meaningful)
    {
        if (files.Count == 0)
        {
            return null;
        }
        if (meaningful.Count == 0)
        {
            var roles = files.Select(f => phrases.Role(f.Role)).Distinct().Order(StringComparer.Ordinal);
            return (ImportanceLevel.Low, string.Join(phrases.ListSeparator, roles));
        }
        var kinds = meaningful.Select(f => f.Role).Distinct().ToList();
        if (kinds.Count != 1)
        {
            return null;
        }
        return kinds[0] switch
        {
            FileRole.Docs => (ImportanceLevel.Low, phrases.Role(FileRole.Docs)),
            FileRole.Test => (ImportanceLevel.Medium, phrases.Role(FileRole.Test)),
            FileRole.CI => (ImportanceLevel.Medium, phrases.Role(FileRole.CI)),
            _ => null,
        };
    }
}
