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
        ["cleanup"] = ("refactor", ChangeType.Refactor),
        // The scientific Python projects' prefixes (numpy, scipy, pandas, scikit-learn: "BUG: …", "ENH: …", "TYP: …") and
        // HAProxy's, whose bug tags carry a severity ("BUG/MEDIUM: h1: …").
        ["bug"] = ("fix", ChangeType.Fix),
        ["enh"] = ("feat", ChangeType.Feature),
        ["maint"] = ("chore", ChangeType.Chore),
        ["tst"] = ("test", ChangeType.Test),
        ["bld"] = ("build", ChangeType.Build),
        ["sty"] = ("style", ChangeType.Style),
        ["typ"] = ("style", ChangeType.Style),
        ["bug/minor"] = ("fix", ChangeType.Fix),
        ["bug/medium"] = ("fix", ChangeType.Fix),
        ["bug/major"] = ("fix", ChangeType.Fix),
        ["bug/critical"] = ("fix", ChangeType.Fix),
        ["regtests"] = ("test", ChangeType.Test),
        // NATS' changelog tags: "[ADDED] AllowAtomicPublish option on stream config", "[FIXED] Revert leftover …".
        ["added"] = ("feat", ChangeType.Feature),
        ["fixed"] = ("fix", ChangeType.Fix),
    };

    /// <summary>Tags that say what kind of change a commit is, not where: vLLM's <c>[Bugfix]</c>, <c>[Feature]</c>, <c>[Misc]</c>,
    /// <c>[Doc]</c>, <c>[CI]</c> — every Conventional-Commits type and the catch-alls.</summary>
    public static bool IsKindTag(string tag)
    {
        var word = tag.Replace(" ", string.Empty, StringComparison.Ordinal);
        return ConventionalTypes.ContainsKey(word) || KindTags.Contains(word);
    }

    private static readonly HashSet<string> KindTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "misc", "other", "others", "minor", "wip", "improvement", "improvements", "improve", "enhancement", "enhancements", "enhance",
        "features", "bugfixes", "fixes", "update", "updates", "change", "changes",
    };

    /// <summary>The change type each group of <see cref="LeadingVerb"/> stands for.</summary>
    private static readonly (string Group, string Key, ChangeType Type)[] VerbTypes =
    [
        ("revert", "revert", ChangeType.Revert),
        ("fix", "fix", ChangeType.Fix),
        ("perf", "perf", ChangeType.Performance),
        ("refactor", "refactor", ChangeType.Refactor),
        ("deps", "deps", ChangeType.Dependencies),
        ("docs", "docs", ChangeType.Docs),
        ("feat", "feat", ChangeType.Feature),
    ];

    public static CommitTraits Classify(CommitRecord commit, IReadOnlyList<ClassifiedFile> files)
    {
        var (title, revert, reading) = ReadTitle(commit.Title);
        var body = string.Join('\n', CommitMessage.BodyLines(commit.Message));
        var authored = MessageBody.Authored(body);
        var breaking = reading.Breaking || BreakingFooter().IsMatch(authored) || BreakingStatement().IsMatch(authored) || AddsBreakingNews(files, title);
        var securityKeyword = MostTellingSecurityKeyword(title + "\n" + authored);
        var security = securityKeyword is not null;

        var key = reading.Key;
        var types = new List<ChangeType>();
        if (reading.Type is { } titleType)
        {
            types.Add(titleType);
        }
        AddFlaggedTypes(types, security, breaking, revert);
        if (key is null && TypeFromFiles(files) is { } inferred)
        {
            key = inferred.Key;
            types.Insert(0, inferred.Type);
        }
        else if (!reading.Declared && reading.Scope is null && reading.Type is ChangeType.Feature or ChangeType.Fix or ChangeType.Refactor
            && TypeFromFiles(files) is { Type: ChangeType.Docs or ChangeType.Test } filesSay)
        {
            // "Add v3.7 to supported version docs", "Fix grammar in TLS reference docs", "Add regression test for #1234": the
            // verb is what was done to the documentation or the tests, the only thing the commit touches.
            key = filesSay.Key;
            types[0] = filesSay.Type;
        }
        if (types.Count == 0)
        {
            types.Add(ChangeType.Other);
        }
        return new CommitTraits(types.Distinct().ToList(), key ?? "other", reading.Scope, reading.Subject, breaking, security, revert, securityKeyword, reading.Declared)
        {
            Body = body,
        };
    }

    /// <summary>The scope and subject <see cref="Classify"/> reads in a title: of the title alone, without the reading of the
    /// body, the files and the security keywords that the theme finder, asking this of every commit of a day, has no use for.</summary>
    public static (string? Scope, string Subject) ScopeAndSubject(string title)
    {
        var reading = ReadTitle(title).Reading;
        return (reading.Scope, reading.Subject);
    }

    /// <summary>The title without a leading emoji (gitmoji "🐛 Fix …", ":sparkles: Add …": it says nothing the words after it
    /// do not, but for gitmoji's "💥", ":boom:", which marks a breaking change), whether it reverts a commit, and what it
    /// says.</summary>
    private static (string Title, bool Revert, TitleReading Reading) ReadTitle(string title)
    {
        var plain = LeadingSymbols().Replace(title, string.Empty);
        var revert = RevertTitle().IsMatch(plain);
        var reading = ReadTitle(plain, revert);
        return (plain, revert, BreakingEmoji().IsMatch(title) ? reading with { Breaking = true } : reading);
    }

    [GeneratedRegex(@"^\s*(:boom:|\uD83D\uDCA5)", RegexOptions.CultureInvariant)]
    private static partial Regex BreakingEmoji();

    /// <summary>What the title alone says: its type, scope and subject, and whether it marks a breaking change.</summary>
    private readonly record struct TitleReading(string? Key, ChangeType? Type, string? Scope, string Subject, bool Breaking, bool Declared = false);

    /// <summary>Reads the title in the first style that fits: Conventional Commits, <c>Revert "…"</c>, <c>[tag] title</c>
    /// or <c>area: title</c>; when none names a type, the subject's leading verb does.</summary>
    private static TitleReading ReadTitle(string title, bool revert)
    {
        var reading = ReadTitleStyle(title, revert);
        // "remove disableDefaultIgnoredFiles (BREAKING)": a marker in capitals anywhere in the title.
        return !reading.Breaking && BreakingMark().IsMatch(title) ? reading with { Breaking = true } : reading;
    }

    [GeneratedRegex(@"\b(would|could|can|might)\s+(not\s+)?(crash|panic|segfault|hang|deadlock|fail|break|corrupt|leak|cause (a |an )?(crash|panic|hang|deadlock|leak|failure|error)|give (the |a )?wrong|return (the |a )?wrong|produce (the |a )?wrong)\w*\b(?!\s+(out|up|down|into|apart|even|free|through|away)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FailureDescription();

    [GeneratedRegex(@"[(\[]BREAKING( CHANGES?)?[)\]]", RegexOptions.CultureInvariant)]
    private static partial Regex BreakingMark();

    private static TitleReading ReadTitleStyle(string title, bool revert)
    {
        if (ReadConventionalTitle(title) is { } conventional)
        {
            return conventional;
        }
        if (revert)
        {
            return new TitleReading("revert", ChangeType.Revert, Scope: null, title, Breaking: false);
        }
        if (ReadBranchTitle(title) is { } branch)
        {
            return branch;
        }
        var tags = TagPrefix().Match(title);
        var reading = tags.Success ? ReadTaggedTitle(title, tags) : ReadAreaTitle(title);
        // "foo!: bar": the "!" marks a breaking change whatever the type, known or not; so does a "breaking:" type.
        if (ConventionalTitle().Match(title) is { Success: true } marked
            && (marked.Groups["bang"].Success || marked.Groups["type"].Value.Equals("breaking", StringComparison.OrdinalIgnoreCase)))
        {
            reading = reading with { Breaking = true, Scope = reading.Scope ?? marked.Groups["type"].Value, Subject = marked.Groups["subject"].Value.Trim() };
        }
        return reading.Key is null ? WithTypeFromLeadingVerb(reading) : reading;
    }

    /// <summary><c>type(scope)!: subject</c> with a known type, or null.</summary>
    private static TitleReading? ReadConventionalTitle(string title)
    {
        var match = ConventionalTitle().Match(title);
        if (!match.Success || !ConventionalTypes.TryGetValue(match.Groups["type"].Value, out var known))
        {
            return null;
        }
        var subject = match.Groups["subject"].Value.Trim();
        // "feat(runtimes): BREAKING CHANGE: Remove Runtime Finalizers" says it as plainly as a "!".
        var breaking = match.Groups["bang"].Success || BreakingSubject().IsMatch(subject);
        return new TitleReading(known.Key, known.Type, NullIfEmpty(match.Groups["scope"].Value), subject, breaking, Declared: true);
    }

    [GeneratedRegex(@"^BREAKING([ -]CHANGES?)?\s*:\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex BreakingSubject();

    /// <summary>A title written as the branch it came from: <c>Task/rename EnhancedSymbolProfile to EnhancedAssetProfile</c>,
    /// <c>Feature/include cash in portfolio performance</c>, <c>Bugfix/links to open create activity dialog</c> (ghostfolio's
    /// pull requests). A known type before the slash is the type; a task names none, and the subject's leading verb does.
    /// Null for any other title, and for a path-like prefix (<c>fix/index: preserve …</c>), read as an area.</summary>
    private static TitleReading? ReadBranchTitle(string title)
    {
        if (BranchTitle().Match(title) is not { Success: true } match || AreaPrefix().IsMatch(match.Groups["subject"].Value))
        {
            return null;
        }
        var subject = match.Groups["subject"].Value.Trim();
        return ConventionalTypes.TryGetValue(match.Groups["type"].Value, out var known)
            ? new TitleReading(known.Key, known.Type, Scope: null, subject, Breaking: false)
            : WithTypeFromLeadingVerb(new TitleReading(Key: null, Type: null, Scope: null, subject, Breaking: false));
    }

    [GeneratedRegex(@"^(?<type>feat|feature|fix|bugfix|hotfix|chore|refactor|docs|task)/(?<subject>[a-z]\S*\s.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BranchTitle();

    /// <summary><c>[tag] [tag] subject</c>: the tags are the scope; the first tag that is a known type gives the type; a
    /// <c>[BREAKING]</c> tag marks a breaking change ("[BREAKING][worker, rollout] feat: …").</summary>
    private static TitleReading ReadTaggedTitle(string title, Match tags)
    {
        var tagNames = tags.Groups["tag"].Captures.Select(c => c.Value.Trim()).ToList();
        var scope = string.Join(", ", tagNames);
        var subject = title[tags.Length..].Trim().TrimStart(':').Trim();
        var breaking = tagNames.Any(t => t.Equals("breaking", StringComparison.OrdinalIgnoreCase));
        foreach (var tag in tagNames)
        {
            if (ConventionalTypes.TryGetValue(tag.Replace(" ", string.Empty, StringComparison.Ordinal), out var tagged))
            {
                return new TitleReading(tagged.Key, tagged.Type, scope, subject, breaking);
            }
        }
        // "[diffusion] chore: validate" — a conventional type after the tags.
        if (ReadConventionalTitle(subject) is { } inner)
        {
            return inner with { Scope = scope, Breaking = inner.Breaking || breaking };
        }
        return new TitleReading(Key: null, Type: null, scope, subject, breaking);
    }

    /// <summary><c>area: subject</c>, where the area is not a conventional type. An advisory id as the area ("CVE-2026-4408:
    /// s3:torture: tests for password complexity scripts", Samba's series) names what the commit belongs to, and the rest
    /// is read as a title of its own.</summary>
    private static TitleReading ReadAreaTitle(string title)
    {
        var area = AreaPrefix().Match(title);
        if (area.Success && IsAdvisoryId(area.Groups["area"].Value) && area.Groups["subject"].Value.Trim() is { Length: > 0 } rest)
        {
            var inner = ReadTitleStyle(rest, revert: false);
            return inner with { Scope = inner.Scope ?? area.Groups["area"].Value.Trim() };
        }
        if (area.Success && !ConventionalTypes.ContainsKey(area.Groups["area"].Value))
        {
            return new TitleReading(Key: null, Type: null, area.Groups["area"].Value.Trim(), area.Groups["subject"].Value.Trim(), Breaking: false);
        }
        return new TitleReading(Key: null, Type: null, Scope: null, title, Breaking: false);
    }

    /// <summary>The kind its leading verb gives a subject ("fix" for "fix crash when …", "feat" for "add …"), or null.</summary>
    public static string? KindOfLeadingVerb(string subject) =>
        LeadingVerb().Match(subject) is { Success: true } verb ? VerbTypes.First(t => verb.Groups[t.Group].Success).Key : null;

    private static TitleReading WithTypeFromLeadingVerb(TitleReading reading)
    {
        if (LeadingVerb().Match(reading.Subject) is not { Success: true } verb)
        {
            // "- Accessing a property on a type-call would crash the compiler.", "binprot: GETK against extstore can hang
            // worker": a title that describes the failure is the fix of it, as a changelog line says it.
            return FailureDescription().IsMatch(reading.Subject) ? reading with { Key = "fix", Type = ChangeType.Fix } : reading;
        }
        var (_, key, type) = VerbTypes.First(t => verb.Groups[t.Group].Success);
        return reading with { Key = key, Type = type };
    }

    /// <summary>The most telling security keyword: a CVE id, an injection or remote code execution over the
    /// first one found; null when there is none. Most messages hold none of the pattern's words, and are not
    /// searched with it (<see cref="SecurityWords"/>).</summary>
    private static string? MostTellingSecurityKeyword(string text)
    {
        if (!SecurityWords.MayContainKeyword(text))
        {
            return null;
        }
        // "… was assessed and is being fixed as a non-security bug": a kind of issue denied is none.
        var matches = SecurityKeyword().Matches(text).Where(m => !TitleSignals.Denies(text, m.Index)).ToList();
        var match = matches.FirstOrDefault(m => IsSevereSecurity(m.Value)) ?? matches.FirstOrDefault();
        return match?.Value.Trim();
    }

    /// <summary>Security, breaking and revert hold whatever type the title has.</summary>
    private static void AddFlaggedTypes(List<ChangeType> types, bool security, bool breaking, bool revert)
    {
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
    }

    /// <summary>When every meaningful file has one role, that role says what the commit is.</summary>
    /// <summary>The commit files a news fragment of the kind that breaks users ("news/14094.removal.rst",
    /// "CHANGES/11898.breaking.rst" of towncrier): the project itself says it removes or breaks something — unless the
    /// title only deprecates, which towncrier files under "removal" too.</summary>
    private static bool AddsBreakingNews(IReadOnlyList<ClassifiedFile> files, string title) =>
        files.Any(f => f.Change.Additions > 0 && f.Change.Deletions == 0 && BreakingNews().IsMatch(f.Change.Path))
        && !DeprecationTitle().IsMatch(title);

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

    // The subject's leading verb, one alternative per kind in the order they are tried — revert, fix (and the verbs that make
    // behaviour right or stricter: "Reject duplicate packages", "Honor version pins", "Keep the crop size"), performance,
    // refactor, dependencies, docs, feature, then the same kinds in Chinese, with no word boundary after the verb — each a
    // group named for its kind (VerbTypes). Generated at build time: parsed at run time, the patterns cost every process
    // that ranks a commit (bench/README.md, "start10").
    [GeneratedRegex(@"^\s*(?:(?<revert>revert(s|ed)?\b)|(?<fix>(bug ?fix(es|ed)?|fix(es|ed)?|hot ?fix|resolve[sd]?|correct(s|ed)?|repair(s|ed)?|handle[sd]?|avoid(s|ed)?|prevent(s|ed)?)\b)|(?<fix>(reject(s|ed)?|require[sd]?|respect(s|ed)?|hono(u)?r(s|ed)?|preserve[sd]?|keep(s)?|ensure[sd]?|enforce[sd]?|validate[sd]?|disallow(s|ed)?|forbid(s)?)\b)|(?<perf>(optimi[sz]e[sd]?|speed ?up|accelerate[sd]?|faster|improve (the )?performance|reduce (latency|memory|overhead))\b)|(?<refactor>((tiny |minor |small )?refactor(s|ed|ing)?|decouple[sd]?|clean ?up|cleanup|polish(es|ed|ing)?|simplif(y|ies|ied)|restructure[sd]?|move[sd]?|rename[sd]?|extract(s|ed)?|split|remove[sd]?|delete[sd]?|drop(s|ped)?|deprecate[sd]?)\b)|(?<deps>(bump(s|ed)?|upgrade[sd]?|update (deps|dependencies|dependency))\b)|(?<docs>(document(s|ed)?|add (a )?doc(s|umentation)?|update (the )?(docs?|readme|documentation))\b)|(?<feat>(add(s|ed)?|support(s|ed)?|introduce[sd]?|implement(s|ed)?|enable[sd]?|allow(s|ed)?|new|initial|re-?introduce[sd]?)\b)|(?<revert>(回滚|回退|撤销))|(?<fix>(修复|修正|修改错误|解决))|(?<perf>(性能优化|优化性能|加速|提速))|(?<refactor>(重构|清理|简化|移除|删除|拆分))|(?<deps>(升级|更新依赖))|(?<docs>(文档|更新文档|补充文档))|(?<feat>(新增|添加|增加|支持|实现|引入|启用)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingVerb();

    // A full-width colon ("TEST：…", typed with a CJK input method) separates the type as well.
    [GeneratedRegex(@"^\s*(?<type>[A-Za-z]+(/[A-Za-z]+)?)(\((?<scope>[^)]{0,80})\))?(?<bang>!)?\s*[:：]\s*(?<subject>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ConventionalTitle();

    [GeneratedRegex(@"^\s*(\[(?<tag>[^\]\[]{1,40})\]\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex TagPrefix();

    [GeneratedRegex(@"^\s*(?<area>[A-Za-z0-9_./-]{1,40}(\s[A-Za-z0-9_./-]{1,20})?)\s?:\s+(?<subject>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AreaPrefix();

    [GeneratedRegex(@"^\s*((:[a-z0-9_+-]{1,30}:|[\p{So}\p{Sk}\p{Cs}\uFE0F\u200D])\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingSymbols();

    [GeneratedRegex(@"^\s*Revert\s+""", RegexOptions.CultureInvariant)]
    private static partial Regex RevertTitle();

    [GeneratedRegex(@"(^|/)(news|newsfragments|changelog\.d|changes|\.changes|changelog)/[^/]*\.(breaking|removal|removals|incompatible)(\.\w+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BreakingNews();

    [GeneratedRegex(@"^\s*(\w+(\([^)]*\))?:\s*)?deprecat", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeprecationTitle();

    // A footer names what breaks: an empty "BREAKING CHANGE:" says nothing.
    [GeneratedRegex(@"^BREAKING[ -]CHANGE[ \t]*:[ \t]*\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BreakingFooter();

    // A body line that says so in prose: "Breaking change since `query()` and `form()` are no longer available …",
    // "**Breaking:** …", "This is breaking for existing dotted lock names", "This is a breaking change, so …" — not
    // "Breaking changes: none" nor "This is not a breaking change".
    [GeneratedRegex(@"^[ \t]*((\*\*)?breaking( changes?)?(\*\*)?[ \t]*(:(\*\*)?|since|because|as)[ \t]+(?!(none|no|n/?a)\b)\S|(this|it) is (a )?breaking (change\b|(change )?(for|because|since|as)\b))", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BreakingStatement();

    // Every alternative holds one of SecurityWords' words as a whole word: a new alternative needs its word there too.
    [GeneratedRegex(@"\b(CVE-\d{4}-\d{3,7}|CVE: ?\d{4}-\d{3,7}|GHSA-[\w-]{4,}|CWE-\d{1,4}|(?-i:SECURITY-\d{2,6})|vulnerabilit(y|ies)|vulns?(?![ -]?(scan|scans|scanner|scanners|scanning|check|checks|report|reports|db|database|feed|feeds|data|page|pages|list|lists|details|id|ids)\b)|security (fix|issue|flaw|bug|patch|hole|hardening)|(prototype|__proto__) pollution|(request|response|HTTP) smuggling|XSS|CSRF|SSRF|XXE|RCE|(SQL|NoSQL|command|code|template|header|prompt|shell|log|glob|OS|LDAP|XPath|CRLF|HTML|script|argument|XML|CSS|SSI|expression|process)[ -]injections?|injections? attacks?|remote code execution|path traversal|directory traversal|privilege escalation|(auth(entication|orization)?|permissions?|access|ACL|sandbox|CSRF|CSP|security) bypass|exploit(able)?|denial[- ]of[- ]service|(?-i:DoS)|buffer overflow|use[- ]after[- ]free|UAF|(out[- ]of[- ]bounds|(?-i:OOB))( heap| stack| memory)? (read|write)s?|(heap|stack) (?-i:OOB) (read|write)s?|heap[- ](based )?(buffer[- ])?overflow|type confusion|(timing|replay|downgrade|exhaustion|spoofing|brute[- ]force|amplification|symlink|(cache|DNS) poisoning|side[- ]channel|(?-i:DoS|DDoS|ReDoS)|zip[- ]bomb|rapid[- ]reset) attacks?|(resource|memory|atom|socket|stack|file[- ]descriptor|(?-i:fd)|connection|thread|disk) exhaustion|sanitize|sanitise|insecure|leak(s|ed|ing)? (the |an? )?([a-z]+[_ -])?(secrets?|tokens?|credentials?|keys?|passwords?))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecurityKeyword();

    /// <summary>Whether a security keyword names a severe class of issue (an advisory id, injection, code
    /// execution, traversal, privilege escalation, an authentication bypass).</summary>
    public static bool IsSevereSecurity(string keyword) => IsAdvisoryId(keyword) || SevereSecurity().IsMatch(keyword);

    [GeneratedRegex(@"^RCE|injection|remote code|traversal|privilege escalation|bypass", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SevereSecurity();

    /// <summary>Whether a security keyword is the id of an advisory, a weakness or a project's security ticket
    /// (CVE-…, GHSA-…, CWE-…, Jenkins' SECURITY-3315): it says security wherever it is written.</summary>
    public static bool IsAdvisoryId(string keyword) => AdvisoryId().IsMatch(keyword);

    [GeneratedRegex(@"^(CVE|GHSA-|CWE-|SECURITY-\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvisoryId();
}
