using System.Text.RegularExpressions;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>Reads the change type from a commit: Conventional Commits (<c>type(scope)!:</c>, <c>BREAKING CHANGE:</c>),
/// <c>Revert "…"</c>, <c>[tag] title</c> and <c>area: title</c> styles, the subject's leading verb, security
/// keywords, and — when the message says nothing — the roles of the changed files.</summary>
internal static partial class CommitClassifier
{
    private static readonly Dictionary<string, (string Key, ChangeType Type)> ConventionalTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["feat"] = ("feat", ChangeType.Feature),
        ["feature"] = ("feat", ChangeType.Feature),
        ["fix"] = ("fix", ChangeType.Fix),
        ["bugfix"] = ("fix", ChangeType.Fix),
        ["hotfix"] = ("fix", ChangeType.Fix),
        ["perf"] = ("perf", ChangeType.Performance),
        ["refactor"] = ("refactor", ChangeType.Refactor),
        ["test"] = ("test", ChangeType.Test),
        ["tests"] = ("test", ChangeType.Test),
        ["docs"] = ("docs", ChangeType.Docs),
        ["doc"] = ("docs", ChangeType.Docs),
        ["ci"] = ("ci", ChangeType.CI),
        ["chore"] = ("chore", ChangeType.Chore),
        ["style"] = ("style", ChangeType.Style),
        ["build"] = ("build", ChangeType.Build),
        ["deps"] = ("deps", ChangeType.Dependencies),
        ["revert"] = ("revert", ChangeType.Revert),
        ["security"] = ("security", ChangeType.Security),
        ["sec"] = ("security", ChangeType.Security),
    };

    private static readonly (Regex Pattern, string Key, ChangeType Type)[] Verbs =
    [
        (VerbPattern("revert(s|ed)?"), "revert", ChangeType.Revert),
        (VerbPattern("(bug ?fix(es|ed)?|fix(es|ed)?|hot ?fix|resolve[sd]?|correct(s|ed)?|repair(s|ed)?|handle[sd]?|avoid(s|ed)?|prevent(s|ed)?)"), "fix", ChangeType.Fix),
        // Verbs that make behaviour right or stricter: "Reject duplicate packages", "Honor version pins", "Keep the crop size".
        (VerbPattern("(reject(s|ed)?|require[sd]?|respect(s|ed)?|hono(u)?r(s|ed)?|preserve[sd]?|keep(s)?|ensure[sd]?|enforce[sd]?|validate[sd]?|disallow(s|ed)?|forbid(s)?)"), "fix", ChangeType.Fix),
        (VerbPattern("(optimi[sz]e[sd]?|speed ?up|accelerate[sd]?|faster|improve (the )?performance|reduce (latency|memory|overhead))"), "perf", ChangeType.Performance),
        (VerbPattern("((tiny |minor |small )?refactor(s|ed|ing)?|decouple[sd]?|clean ?up|cleanup|simplif(y|ies|ied)|restructure[sd]?|move[sd]?|rename[sd]?|extract(s|ed)?|split|remove[sd]?|delete[sd]?|drop(s|ped)?|deprecate[sd]?)"), "refactor", ChangeType.Refactor),
        (VerbPattern("(bump(s|ed)?|upgrade[sd]?|update (deps|dependencies|dependency))"), "deps", ChangeType.Dependencies),
        (VerbPattern("(document(s|ed)?|add (a )?doc(s|umentation)?|update (the )?(docs?|readme|documentation))"), "docs", ChangeType.Docs),
        (VerbPattern("(add(s|ed)?|support(s|ed)?|introduce[sd]?|implement(s|ed)?|enable[sd]?|allow(s|ed)?|new|initial|re-?introduce[sd]?)"), "feat", ChangeType.Feature),
        // Chinese titles: no word boundary after the verb.
        (CjkVerbPattern("(回滚|回退|撤销)"), "revert", ChangeType.Revert),
        (CjkVerbPattern("(修复|修正|修改错误|解决)"), "fix", ChangeType.Fix),
        (CjkVerbPattern("(性能优化|优化性能|加速|提速)"), "perf", ChangeType.Performance),
        (CjkVerbPattern("(重构|清理|简化|移除|删除|拆分)"), "refactor", ChangeType.Refactor),
        (CjkVerbPattern("(升级|更新依赖)"), "deps", ChangeType.Dependencies),
        (CjkVerbPattern("(文档|更新文档|补充文档)"), "docs", ChangeType.Docs),
        (CjkVerbPattern("(新增|添加|增加|支持|实现|引入|启用)"), "feat", ChangeType.Feature),
    ];

    public static CommitTraits Classify(CommitRecord commit, IReadOnlyList<ClassifiedFile> files)
    {
        // A leading emoji (gitmoji "🐛 Fix …", ":sparkles: Add …") says nothing the words after it do not.
        var title = LeadingSymbols().Replace(commit.Title, string.Empty);
        var body = string.Join('\n', CommitMessage.BodyLines(commit.Message));
        var types = new List<ChangeType>();
        string? key = null;
        string? scope = null;
        var subject = title;
        var breaking = BreakingFooter().IsMatch(commit.Message);
        var revert = RevertTitle().IsMatch(title);

        var conventional = ConventionalTitle().Match(title);
        if (conventional.Success && ConventionalTypes.TryGetValue(conventional.Groups["type"].Value, out var known))
        {
            key = known.Key;
            types.Add(known.Type);
            scope = NullIfEmpty(conventional.Groups["scope"].Value);
            breaking |= conventional.Groups["bang"].Success;
            subject = conventional.Groups["subject"].Value.Trim();
        }
        else if (revert)
        {
            key = "revert";
            types.Add(ChangeType.Revert);
        }
        else
        {
            var tags = TagPrefix().Match(title);
            if (tags.Success)
            {
                var tagNames = tags.Groups["tag"].Captures.Select(c => c.Value.Trim()).ToList();
                scope = string.Join(", ", tagNames);
                subject = title[tags.Length..].Trim().TrimStart(':').Trim();
                foreach (var tag in tagNames)
                {
                    if (key is null && ConventionalTypes.TryGetValue(tag.Replace(" ", string.Empty, StringComparison.Ordinal), out var tagged))
                    {
                        key = tagged.Key;
                        types.Add(tagged.Type);
                    }
                }
                // "[diffusion] chore: validate" — a conventional type after the tags.
                var inner = ConventionalTitle().Match(subject);
                if (key is null && inner.Success && ConventionalTypes.TryGetValue(inner.Groups["type"].Value, out var innerType))
                {
                    key = innerType.Key;
                    types.Add(innerType.Type);
                    breaking |= inner.Groups["bang"].Success;
                    subject = inner.Groups["subject"].Value.Trim();
                }
            }
            else
            {
                var area = AreaPrefix().Match(title);
                if (area.Success && !ConventionalTypes.ContainsKey(area.Groups["area"].Value))
                {
                    scope = area.Groups["area"].Value.Trim();
                    subject = area.Groups["subject"].Value.Trim();
                }
            }
            if (key is null)
            {
                foreach (var (pattern, verbKey, type) in Verbs)
                {
                    if (pattern.IsMatch(subject))
                    {
                        key = verbKey;
                        types.Add(type);
                        break;
                    }
                }
            }
        }

        // The most telling keyword: a CVE id, an injection or remote code execution over the first one found.
        var securityMatches = SecurityKeyword().Matches(title + "\n" + body);
        var securityMatch = securityMatches.FirstOrDefault(m => SevereSecurity().IsMatch(m.Value)) ?? SecurityKeyword().Match(title + "\n" + body);
        var security = securityMatch.Success;
        if (security)
        {
            types.Add(ChangeType.Security);
        }
        if (breaking)
        {
            types.Add(ChangeType.Breaking);
        }
        if (revert && !types.Contains(ChangeType.Revert))
        {
            types.Add(ChangeType.Revert);
        }

        var fromFiles = TypeFromFiles(files);
        if (key is null && fromFiles is { } inferred)
        {
            key = inferred.Key;
            types.Insert(0, inferred.Type);
        }
        if (types.Count == 0)
        {
            types.Add(ChangeType.Other);
        }
        return new CommitTraits(
            types.Distinct().ToList(),
            key ?? "other",
            scope,
            subject,
            breaking,
            security,
            revert,
            security ? securityMatch.Value.Trim() : null);
    }

    /// <summary>When every meaningful file has one role, that role says what the commit is.</summary>
    private static (string Key, ChangeType Type)? TypeFromFiles(IReadOnlyList<ClassifiedFile> files)
    {
        if (files.Count == 0)
        {
            return null;
        }
        var roles = files.Select(f => f.Role).Distinct().ToList();
        if (roles.All(r => r is FileRole.Lockfile or FileRole.DependencyManifest))
        {
            return ("deps", ChangeType.Dependencies);
        }
        if (roles.Count != 1)
        {
            return null;
        }
        return roles[0] switch
        {
            FileRole.Docs => ("docs", ChangeType.Docs),
            FileRole.Test => ("test", ChangeType.Test),
            FileRole.CI => ("ci", ChangeType.CI),
            FileRole.Build => ("build", ChangeType.Build),
            FileRole.Config => ("chore", ChangeType.Config),
            _ => null,
        };
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Regex VerbPattern(string verbs) =>
        new($"^\\s*{verbs}\\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static Regex CjkVerbPattern(string verbs) =>
        new($"^\\s*{verbs}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // A full-width colon ("TEST：…", typed with a CJK input method) separates the type as well.
    [GeneratedRegex(@"^\s*(?<type>[A-Za-z]+)(\((?<scope>[^)]{0,80})\))?(?<bang>!)?\s*[:：]\s*(?<subject>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ConventionalTitle();

    [GeneratedRegex(@"^\s*(\[(?<tag>[^\]\[]{1,40})\]\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex TagPrefix();

    [GeneratedRegex(@"^\s*(?<area>[A-Za-z0-9_./-]{1,40}(\s[A-Za-z0-9_./-]{1,20})?)\s?:\s+(?<subject>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AreaPrefix();

    [GeneratedRegex(@"^\s*((:[a-z0-9_+-]{1,30}:|[\p{So}\p{Sk}\p{Cs}\uFE0F\u200D])\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingSymbols();

    [GeneratedRegex(@"^\s*Revert\s+""", RegexOptions.CultureInvariant)]
    private static partial Regex RevertTitle();

    [GeneratedRegex(@"^BREAKING[ -]CHANGE\s*:", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BreakingFooter();

    [GeneratedRegex(@"\b(CVE-\d{4}-\d{3,7}|GHSA-[\w-]{4,}|vulnerabilit(y|ies)|security (fix|issue|flaw|bug|patch|hole)|XSS|CSRF|SSRF|XXE|RCE|(SQL |command |code |template |header |prompt |shell |log )?(?<!(dependency|dependencies|constructor|property|setter|method|field)[ -])injection|remote code execution|path traversal|directory traversal|privilege escalation|auth(entication)? bypass|exploit(able)?|denial[- ]of[- ]service|(?-i:DoS)|buffer overflow|use[- ]after[- ]free|out[- ]of[- ]bounds (read|write)|sanitize|sanitise|insecure|leak(s|ed)? (secrets?|tokens?|credentials?|keys?))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecurityKeyword();

    /// <summary>Whether a security keyword names a severe class of issue (an advisory id, injection, code
    /// execution, traversal, privilege escalation, an authentication bypass).</summary>
    public static bool IsSevereSecurity(string keyword) => SevereSecurity().IsMatch(keyword);

    [GeneratedRegex(@"^(CVE|GHSA|RCE)|injection|remote code|traversal|privilege escalation|bypass", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SevereSecurity();
}
