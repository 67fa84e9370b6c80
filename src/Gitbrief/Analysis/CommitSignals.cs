using System.Text.RegularExpressions;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>What a commit shows beyond its type and size, each signal with the evidence a reader can check: a
/// security hardening, a severe fix, a feature of the core product, an edited default, a preview gate, a trivial
/// edit, a release or dependency bump, a change in the periphery. The scorer turns them into floors and ceilings.</summary>
internal sealed partial record CommitSignals
{
    /// <summary>At most this many meaningful lines make a trivial change.</summary>
    private const int TrivialLines = 2;

    /// <summary>Two danger words that share this many first letters are one danger.</summary>
    private const int DangerStemLength = 6;

    /// <summary>A subject of at most this many words with a trivial word at its head is about it.</summary>
    private const int ShortSubjectWords = 4;

    /// <summary>A trivial word in the title keeps a change this small trivial.</summary>
    private const int SmallLines = 12;

    /// <summary>A source file edited by at most this many lines in a release commit holds a version string.</summary>
    private const int VersionStringLines = 2;

    /// <summary>The lead of a body, in words: what a commit is about; a long squash body's later bullets (review
    /// fix-ups) are not.</summary>
    private const int LeadWords = 150;

    /// <summary>The lead of a body, in characters, where it says what a change protects against.</summary>
    private const int LeadCharacters = 1000;

    /// <summary>A change of message wording is at most this many lines.</summary>
    private const int WordingLines = 100;

    /// <summary>A merged pull request of so many product lines is a change someone reviewed; a few lines ("Exclude Markdown
    /// files from `format-dev` runs (#27052)") are a tweak whatever the process.</summary>
    private const int ReviewedLines = 5;

    /// <summary>A feature needs this many meaningful lines to count as a new capability.</summary>
    private const int FeatureLines = 40;

    public string? Hardening { get; init; }
    public string? SevereFix { get; init; }
    public string? Experimental { get; init; }
    public bool Trivial { get; init; }
    public string? ReleaseVersion { get; init; }
    public DependencyBump? Dependency { get; init; }
    public bool Periphery { get; init; }
    public bool Core { get; init; }
    public bool CoreFeature { get; init; }
    public string? Defaults { get; init; }

    /// <summary>A feature of the core that adds an environment variable ("Support HF_HUB_OFFLINE"): a new setting of the
    /// product, on for whoever sets it, wherever it is read.</summary>
    public string? NewSetting { get; init; }

    /// <summary>A feature leaves its preview/experimental gate ("Stabilize …", "… out of preview"): it now reaches
    /// every user who runs that part of the product.</summary>
    public string? Graduation { get; init; }
    public bool Automated { get; init; }

    /// <summary>The pull request a plain title (type "other": no type, no telling verb) closes ("… (#4568)", or the one the
    /// GitHub API linked), for a change of at least <see cref="ReviewedLines"/> product lines whose title does not call it
    /// small or about the docs (<see cref="Vocabulary.Modest"/>): a unit of change someone reviewed, not one step of a branch.
    /// A title that says what it is (fix, feat …) gains nothing from it.</summary>
    public int? PullRequest { get; init; }

    /// <summary>Only docs, tests, CI, or only lockfiles / generated / vendored / binary files.</summary>
    public bool RoleOnly { get; init; }

    /// <summary>The repository's own automation: CI with only configuration, scripts or prompts beside it in the
    /// periphery (bots, triage, review workflows) — nothing that ships.</summary>
    public bool Automation { get; init; }

    /// <summary>Only the maintainers' release tooling: scripts under a tooling folder at the root (<c>scripts/</c>,
    /// <c>tools/</c>, <c>tasks/</c>, <c>support/</c>, <c>xtask/</c> …) named for the release ("support/release.py",
    /// "scripts/release/run.js", "eng/bump-version.ps1") — how a release is cut, not what it ships.</summary>
    public bool ReleaseTooling { get; init; }

    /// <summary>The title raises what users must have to build or run the product (<see cref="TitleSignals.SupportFloorOf"/>):
    /// those on the older language or toolchain lose it, whatever files carry the change.</summary>
    public string? SupportFloor { get; init; }

    /// <summary>The title leads with deprecating something of the product ("Deprecate 'method' parameter in
    /// DataFrame.fillna", "grpc: deprecate WithSharedWriteBuffer"): its users get a warning or a notice to move off it,
    /// however few lines (a Go deprecation is a comment) carry it. The word, or null.</summary>
    public string? Deprecation { get; init; }

    /// <summary>The title removes what was deprecated ("Remove deprecated functions in ``sphinx.util.typing``", "Clean up
    /// deprecations in Scheduler, Worker, Nanny", "refactor(mongodb): remove deprecated connection options"): whoever
    /// still calls it must move off it, however few lines go — no refactor and no trivial change. Unused code removed is
    /// still a clean-up ("remove unused, deprecated utils"), as is code whose body says nothing uses it any more.</summary>
    public bool DeprecatedRemoval { get; init; }

    /// <summary>Only example code changed.</summary>
    public bool ExamplesOnly { get; init; }

    /// <summary>Only new colour themes added to the product's collection of them (a new file under <c>themes/</c>,
    /// <c>colorschemes/</c>, <c>palettes/</c> or <c>skins/</c>: "feat(themes): add night-owl theme"): one more choice a
    /// user must pick by name; nothing changes for anyone else.</summary>
    public bool ThemesAdded { get; init; }

    /// <summary>Only a coding agent's skill bundle changed (a <c>skills/</c> folder with its <c>SKILL.md</c>, wherever it
    /// lies; <c>.claude/</c> and the like at the root are CI files): instructions and scripts for the agent, nothing the
    /// product runs.</summary>
    public bool AgentSkills { get; init; }

    /// <summary>Only words a user reads change: the title says the commit is about documentation ("docs: …",
    /// "Fix X docs") or message wording ("improve the error message"), and the change is small enough to be that.</summary>
    public string? Wording { get; init; }

    /// <summary>A follow-up of review (addressed comments, TODOs, nits) or a rename.</summary>
    public string? FollowUp { get; init; }

    /// <summary>A title that names no change at all ("fix", "More fixes", "wip"): one step of a branch pushed commit by
    /// commit, which tells a reader nothing.</summary>
    public string? Unnamed { get; init; }

    /// <summary>A fix of the project's own build on some platform or toolchain ("Fix phar compilation", "fix plan9 build by
    /// moving errno matching", "Fix CUDA build with MSVC"): it compiles again, nothing it does changes.</summary>
    public string? BuildFix { get; init; }

    /// <summary>Only the project's build scripts and package manifests change, and no dependency moves ("Fixes #3445:
    /// Convert mockito-core" to the Kotlin DSL, "fix: set tauri-plugin crate description", a test extra moved to a
    /// dependency group): the same product is built.</summary>
    public bool BuildScriptsOnly { get; init; }

    /// <summary>A CI change (alone or with the repository's automation scripts) whose title is about what a release
    /// ships or how it is published.</summary>
    public bool ReleasePipeline { get; init; }

    /// <summary>A plain title (no type, no telling verb) that states when or why the code now behaves otherwise —
    /// "wake the queue when cleared", "force block size 128 when head_dim is 256", "… to work with Qwen 3.8": a
    /// behaviour change of limited reach, the words of a fix that never says "fix".</summary>
    public string? ScopedBehaviour { get; init; }

    /// <summary>A plain title of a source change that leads with what the product now does or stops doing — "Don't cache
    /// local directories with a dash", "Stop integer power from hanging on a negative exponent", "Always load image model
    /// cards into cache", "Make `path_exists('')` return false": the words of a fix or a small feature that never says so.</summary>
    public string? BehaviourVerb { get; init; }

    /// <summary>The diff of the product files changes only comments and documentation in the code ("comments") or only
    /// whitespace ("formatting"): nothing a user runs changes, whatever the message says.</summary>
    public string? CodeOnly { get; init; }

    /// <summary>A refactor by its title's verb ("Inline …", "Deduplicate …") of a size a reviewer reads in one go: an
    /// internal change, nothing a user notices. Larger refactors are medium by the other signals.</summary>
    public string? Refactor { get; init; }

    /// <summary>The title says the change is about tests ("test: …", "test1668: …"), even where it touches code to export
    /// what the test needs.</summary>
    public bool DeclaredTests { get; init; }

    /// <summary>The one hardware target, platform or model family the title confines the change to ("vulkan: …",
    /// "… on Ampere/Ada", "fix the crash of Llama-3.2-1B"): it reaches some users, not most.</summary>
    public string? Target { get; init; }

    /// <summary>A capability users had is removed ("rtmp: drop support"), with the code that provided it, from the core.</summary>
    public bool Removal { get; init; }

    /// <summary>The protocol, file-format or schema version the title moves ("LATEST_PROTOCOL_VERSION"), or null.</summary>
    public string? FormatVersion { get; init; }

    /// <summary>A change of the public API that breaks its users without saying so: an added <c>#[non_exhaustive]</c> on a
    /// Rust type (every exhaustive match of it stops compiling).</summary>
    public string? ApiBreak { get; init; }

    /// <summary>At most this many changed lines of product code make a refactor small.</summary>
    private const int RefactorLines = 400;

    /// <summary>A lint or warning fix of at most this many lines changes nothing a user runs.</summary>
    private const int LintLines = 100;

    /// <summary>A performance change of at most this many lines is a micro-optimisation.</summary>
    private const int MicroOptimisationLines = 30;

    /// <summary>A removal takes out at least this many lines, most of what the commit changes.</summary>
    private const int RemovalLines = 100;

    /// <summary>A feature of at most this many lines of product code that no test comes with adds a detail (a missing
    /// include, a syntax mapping, a config entry, a library path), not a capability.</summary>
    private const int DetailLines = 4;

    /// <summary>A removal or move of at most this many lines of product code ("drop an option of the code generator",
    /// "remove obsolete code") is housekeeping.</summary>
    private const int HousekeepingLines = 12;

    public static CommitSignals Read(CommitRecord commit, CommitTraits traits, IReadOnlyList<ClassifiedFile> files, RepositoryProfile profile)
    {
        var subject = traits.Subject.Length > 0 ? traits.Subject : commit.Title;
        var title = Vocabulary.Words(subject);
        var bodyText = traits.Body;
        var body = Vocabulary.Words(bodyText, limit: 3000);
        var meaningful = files.Where(f => f.IsMeaningful).ToList();
        var product = meaningful.Where(f => f.Role is not (FileRole.Docs or FileRole.Test or FileRole.CI)).ToList();
        var source = product.Where(f => f.Role == FileRole.Source).ToList();
        var lines = meaningful.Sum(f => (long)f.Change.Additions + f.Change.Deletions);
        var productLines = product.Sum(f => (long)f.Change.Additions + f.Change.Deletions);
        var roleOnly = files.Count > 0 && product.Count == 0;
        // Code of others the product builds in (deps/lua/…): not the repository's own, but what ships.
        var vendored = files.Where(f => f.Role == FileRole.Vendored).ToList();
        var automated = IsBot(commit.Author) || IsBot(commit.Committer);

        var (core, periphery) = Placements(source.Count > 0 ? source : product, profile);
        var automation = files.Any(f => f.Role == FileRole.CI) && product.Count > 0
            && product.All(f => f.Role is FileRole.Config or FileRole.Other || profile.PlacementOf(f.Change.Path) == Placement.Periphery || InFolder(f.Change.Path, Vocabulary.PeripheryDirectories));
        var examplesOnly = product.Count > 0 && product.All(f => InExampleFolder(f.Change.Path));
        var themesAdded = product.Count > 0 && product.All(f => f.Change.Status == FileStatus.Added && InFolder(f.Change.Path, Vocabulary.ThemeDirectories));
        var releaseTooling = product.Count > 0 && product.All(f => ReleaseToolPath().IsMatch(f.Change.Path));
        var supportFloor = product.Count > 0 ? TitleSignals.SupportFloorOf(commit.Title) : null;
        var agentSkills = product.Count > 0 && SkillBundles(files) is { } skills
            && meaningful.All(f => skills.Exists(root => f.Change.Path.StartsWith(root, StringComparison.Ordinal)));
        var fullTitle = Vocabulary.Words(commit.Title);
        var release = roleOnly ? null : ReleaseOf(commit, product);
        var dependency = release is not null ? null
            : roleOnly ? DependencyBump.SubmoduleOf(commit, fullTitle, files, automated)
            : DependencyBump.Read(commit, fullTitle, files, product, automated, profile);
        var graduation = product.Count > 0 ? GraduationOf(subject) : null;
        // A graduating feature talks about the gate it leaves: that is no sign of a gate.
        var experimental = graduation is null ? ExperimentalOf(title, subject, body, bodyText) ?? GatedFolderOf(source.Count > 0 ? source : product) : null;
        // The title's leading verb: its first word, or the second after a one-word "area:" prefix ("opencl: default …").
        var lead = AreaPrefix().IsMatch(subject) ? 1 : 0;
        var deprecation = product.Count > 0 && traits.WeightKey is not ("docs" or "test" or "ci") && lead < title.Count
            && title[lead] is "deprecate" or "deprecates" or "deprecated" or "deprecating" ? title[lead] : null;
        // "… the default (renovate)", "… to defaults (#27055)": a trailing parenthesis is no part of the sentence.
        // Only the title's first sentence says what the commit does: "Added `reportUnreachable` diagnostic check. … This
        // diagnostic check is off by default even in strict mode …" describes the new check, it changes no default.
        var defaultInTitle = ChangesADefault(Vocabulary.Words(TrailingParentheses().Replace(FirstSentence().Match(subject).Value, string.Empty)), lead)
            || TitleSignals.CollectsByDefault(commit.Title);
        // "disable Deno.serve automatic compression by default": a default changed for everyone is no opt-in, whatever
        // the body says of the opt-in that remains.
        if (experimental is not null && defaultInTitle && !title.Any(Vocabulary.Experimental.Contains))
        {
            experimental = null;
        }
        var severe = SevereFixOf(commit, traits, title, body, dependency);
        var target = product.Count > 0 ? TitleSignals.TargetOf(commit.Title) : null;
        // A line or two can flip a gate or a default for everyone: size says nothing then.
        // A line or two of a declared fix or feature (a padded buffer, an omitted field) can change what users get:
        // without a trivial word, only a change that claims no behaviour is trivial by size.
        var claimsBehaviour = traits.WeightKey is "fix" or "feat" or "revert" or "perf";
        var trivialWord = claimsBehaviour ? TrivialObjectOf(title) : title.FirstOrDefault(Vocabulary.Trivial.Contains);
        // "Remove the deprecated Triton v1 decode kernel … Nothing imports the old one any more.": no one loses it.
        var deprecatedRemoval = product.Count > 0 && traits.WeightKey is not ("docs" or "test" or "ci") && TitleSignals.RemovesDeprecated(traits.Subject)
            && !NoLongerUsed().IsMatch(bodyText);
        var declaresTests = TitleSignals.DeclaresTests(traits);
        var trivial = product.Count > 0 && graduation is null && supportFloor is null && deprecation is null && !deprecatedRemoval
            && (IsTrivial(commit, title, claimsBehaviour, trivialWord, productLines)
                || (!defaultInTitle && IsSmallDetail(traits, title, productLines, tested: meaningful.Any(f => f.Role == FileRole.Test))));
        var wording = WordingOf(commit.Title, traits, productLines);
        // A plain title (no type, no telling verb) over source files: what its words say of behaviour is all there is.
        var plainSourceChange = traits.WeightKey == "other" && source.Count > 0;
        var signals = new CommitSignals
        {
            // "Update all the documentation to prevent broken links everywhere": what it prevents is the docs' own; "Fix lua
            // bit.tohex (CVE-2024-31449)" in deps/lua/ fixes code the product builds in. A release
            // commit's body is its changelog: the security fixes it lists landed in their own commits.
            // "Fix CI flakiness in share consumer integration tests": what the body says of injection and a bypass is the
            // mocking library's.
            Hardening = roleOnly && vendored.Count == 0 || automation || releaseTooling || examplesOnly || agentSkills || wording is not null || release is not null
                || ToolingOnly(traits, source.Count > 0 ? source : vendored, product, dependency) || declaresTests && !traits.Security ? null
                : HardeningOf(commit, traits, title, lead, body, Lead(bodyText), source),
            SevereFix = severe,
            Experimental = experimental,
            Trivial = trivial,
            ReleaseVersion = release,
            Dependency = dependency,
            Periphery = periphery,
            Core = core,
            // "Add FP8 quantization example for Granite4": a feature whose title names an example shows a use, it adds none.
            CoreFeature = core && traits.WeightKey == "feat" && productLines >= FeatureLines && experimental is null && AnnouncedToUsers(files)
                && !title.Any(Vocabulary.ExampleWords.Contains),
            Defaults = core ? DefaultsOf(commit, traits, defaultInTitle, graduation, source) : null,
            NewSetting = core && traits.WeightKey == "feat" && experimental is null ? EnvironmentVariableIn(commit.Title) : null,
            Graduation = graduation,
            Automated = automated,
            PullRequest = traits.WeightKey == "other" && productLines >= ReviewedLines && !title.Any(Vocabulary.Modest.Contains) ? commit.PullRequest : null,
            RoleOnly = roleOnly,
            Automation = automation,
            ReleaseTooling = releaseTooling,
            SupportFloor = supportFloor,
            Deprecation = deprecation,
            DeprecatedRemoval = deprecatedRemoval,
            ExamplesOnly = examplesOnly,
            ThemesAdded = themesAdded,
            AgentSkills = agentSkills,
            Wording = wording,
            FollowUp = FollowUpTitle().Match(commit.Title) is { Success: true } followUp ? followUp.Value.Trim() : null,
            Unnamed = UnnamedTitle().Match(commit.Title) is { Success: true } unnamed ? unnamed.Groups["word"].Value : null,
            BuildFix = TitleSignals.BuildFixOf(commit.Title),
            BuildScriptsOnly = dependency is null && release is null && supportFloor is null && source.Count == 0 && product.Count > 0
                && product.All(f => f.Role is FileRole.Build or FileRole.DependencyManifest) && !ShippedArtefact().IsMatch(commit.Title),
            ScopedBehaviour = plainSourceChange && ScopedBehaviourTitle().Match(subject) is { Success: true } scoped ? scoped.Value.Trim() : null,
            BehaviourVerb = plainSourceChange ? BehaviourVerbOf(subject, fullTitle) : null,
            // "Fix indent": a fix that names a trivial edit claims no behaviour; its lines tell whether it is only that. A
            // `style:` commit whose subject claims none ("fix crash …" does) is formatting however many lines it reformats
            // ("style(formatting): use spaces instead of tabs" over 30 files).
            CodeOnly = roleOnly || deprecation is not null ? null
                : CodeLines.OnlyKindOf(commit, product, claimsBehaviour && trivialWord is null)
                    ?? (TitleSignals.IsFormatterRun(subject) || (traits.WeightKey == "style" && CommitClassifier.KindOfLeadingVerb(subject) is not ("fix" or "feat" or "revert" or "perf"))
                        ? "formatting" : null),
            Refactor = product.Count == 0 || deprecatedRemoval || traits.WeightKey is "fix" or "feat" or "docs" ? null : RefactorOf(traits, productLines, periphery || target is not null),
            DeclaredTests = productLines <= RefactorLines && declaresTests,
            Target = target,
            ApiBreak = core ? CodeLines.BreakingAttributeOf(commit, product) : null,
            // "The v2 kernel has been the default since 0.4. Nothing imports the old one any more.": no one loses it.
            Removal = core && TitleSignals.RemovesSupport(commit.Title) && Removed(product) >= RemovalLines && Removed(product) > 2 * Added(product)
                && !NoLongerUsed().IsMatch(bodyText),
            FormatVersion = product.Count > 0 && release is null && dependency is null ? TitleSignals.FormatVersionOf(commit.Title) : null,
            // Publishing the documentation site or bumping a workflow's action is no change of what a release ships.
            ReleasePipeline = (roleOnly || automation) && files.Any(f => f.Role == FileRole.CI) && ReleaseWorkflow().IsMatch(commit.Title)
                && !title.Any(Vocabulary.DocumentationWords.Contains) && !BumpTitle().IsMatch(commit.Title) && ChangesWhatShips(commit.Title),
        };
        return signals.Hardening is { } advisory && IsAdvisoryStep(commit.Title, advisory, traits, signals) ? signals with { Hardening = null } : signals;
    }

    /// <summary>Whether a commit whose only security evidence is the advisory id its title leads with is a step of that
    /// advisory's series rather than its fix: Samba titles every commit of a fix "CVE-2026-4408: …", the tests ("s3:torture:
    /// tests for password complexity scripts"), the refactors that prepare it ("lib/util: split out realloc_string_sub_raw()",
    /// "inline string_sub2() into string_sub() the only caller"), a helper introduced for it and comments alike; only the
    /// commits that change what the product does close the hole.</summary>
    private static bool IsAdvisoryStep(string title, string advisory, CommitTraits traits, CommitSignals signals) =>
        CommitClassifier.IsAdvisoryId(advisory) && title.TrimStart().StartsWith(advisory, StringComparison.OrdinalIgnoreCase)
        && (signals.CodeOnly is not null || signals.DeclaredTests || TitleSignals.RefactorOf(traits) is not null || traits.WeightKey == "refactor"
            || AdvisoryStepSubject().IsMatch(traits.Subject));

    /// <summary>A subject about tests ("test whether vfs_worm allows overwrite", "gpo tests should use real certificates"), a
    /// function made reachable for them ("make … non-static, for easier testing"), or a function introduced or reused
    /// ("introduce strstr_for_invalid_account_characters()", "let realloc_string_sub2() use realloc_string_sub_raw()").</summary>
    [GeneratedRegex(@"\b(tests?|unit ?tests?|testing|torture)\b|\bnon-static\b|^(introduce|provide|add)[sd]?\s+(an? |the |new )*[\w{},.]+\(\)|^let\s+\S+\s+use\b|^(introduce|provide|add)[sd]?\b.{0,60}\bhelpers?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvisoryStepSubject();

    /// <summary>The severe problem a fix repairs: a severe word of its title — which may report the wrong result instead of
    /// saying "fix" ("diff returns off-by-one results with microseconds") — or a memory-safety problem its body names
    /// ("Avoid duplicate subrequest finalization … potentially leading to a use-after-free").</summary>
    private static string? SevereFixOf(CommitRecord commit, CommitTraits traits, List<string> title, List<string> body, DependencyBump? dependency)
    {
        var severe = traits.WeightKey is "fix" or "revert" || title.Contains("fix") || title.Contains("fixes")
            || (traits.WeightKey is not ("feat" or "docs" or "test" or "ci") && title.Any(Vocabulary.ResultVerbs.Contains))
            ? SevereIn(title) ?? Vocabulary.ChineseSevere.FirstOrDefault(w => commit.Title.Contains(w, StringComparison.Ordinal))
            : null;
        return severe is null && dependency is null && traits.WeightKey is not ("feat" or "docs" or "test" or "ci" or "build" or "chore" or "deps")
            ? body.Take(LeadWords).FirstOrDefault(Vocabulary.MemorySafety.Contains)
            : severe;
    }

    /// <summary>Whether a change of product files is trivial: a line or two that claims no behaviour, a trivial word on a
    /// small change, proofreading a person does at any size ("clean up wording and typo fixes" across 18 files), a lint
    /// fix ("Fix lints", "silence clippy::implicit_clone"), licence headers, or a fix of type annotations only ("fix
    /// typing", "correct `device_mesh` type hint in FSDP strategies", "resolve mypy errors in crewai-files", "tighten
    /// CreateData type" beside a types.d.ts).</summary>
    private static bool IsTrivial(CommitRecord commit, List<string> title, bool claimsBehaviour, string? trivialWord, long productLines) =>
        (productLines <= TrivialLines && !claimsBehaviour) || (trivialWord is not null && productLines <= SmallLines)
        || ((!claimsBehaviour && title.Any(Vocabulary.Proofreading.Contains) || trivialWord is not null && Vocabulary.Proofreading.Contains(trivialWord))
            && productLines <= WordingLines)
        || ((productLines <= LintLines || !TitleSignals.NamesMore(commit.Title)) && TitleSignals.IsLintFix(commit.Title))
        || TitleSignals.IsHeaderChore(commit.Title)
        || ((productLines <= RefactorLines || !TitleSignals.NamesMore(commit.Title)) && (TitleSignals.FixesTyping(commit.Title) || TitleSignals.NamesTypeChecker(commit.Title)))
        || (productLines <= RefactorLines && TitleSignals.FixesType(commit.Title) && commit.Files.Any(f => IsTypeDeclarations(f.Path)));

    /// <summary>A file of type declarations only: TypeScript's .d.ts, Python's stubs and typing modules.</summary>
    private static bool IsTypeDeclarations(string path) =>
        path.EndsWith(".d.ts", StringComparison.Ordinal) || path.EndsWith(".d.mts", StringComparison.Ordinal) || path.EndsWith(".pyi", StringComparison.Ordinal)
        || path.EndsWith("/_types.py", StringComparison.Ordinal) || path.EndsWith("/py.typed", StringComparison.Ordinal);

    /// <summary>A feature of a few lines that no test comes with ("Add missing include for …", "Add syntax mapping for …"), or
    /// a removal or move of a few lines ("drop gogoproto.nullable", "Cleanup: remove obsolete code") — neither about a
    /// capability or a check ("add check for curlinfo->age", "Drop vLLM 0.12 support", "Remove lifetime check at parse").</summary>
    private static bool IsSmallDetail(CommitTraits traits, List<string> title, long productLines, bool tested) =>
        (traits.WeightKey switch
        {
            "feat" => productLines <= DetailLines && !tested,
            "refactor" => productLines <= HousekeepingLines,
            _ => false,
        }) && !title.Any(Vocabulary.TakenAway.Contains);

    /// <summary>Where a change of the core says it changes a default: its title, a plain sentence of changed behaviour
    /// ("Submodules are no longer implicitly imported", not a fix's), or the settings file a graduating feature edits. A
    /// commit whose code changes are only comments and doc comments changes no default, whatever feature its title names
    /// ("Package by default: Update documentation" rewording the CLI's help text beside the docs).</summary>
    private static string? DefaultsOf(CommitRecord commit, CommitTraits traits, bool defaultInTitle, string? graduation, IReadOnlyList<ClassifiedFile> source) =>
        source.Count > 0 && source.All(f => CodeLines.OnlyCommentsIn(commit, f.Change.Path)) ? null
        : defaultInTitle ? "title"
        : traits.WeightKey is "other" or "feat" or "refactor" && NoLonger().IsMatch(commit.Title) ? "title"
        : graduation is not null && source.FirstOrDefault(f => SensitiveFiles.IsSettings(f.Change.Path)) is { } settings ? settings.Change.Path
        : null;

    /// <summary>The refactor verb of a small or confined refactor (one backend or the periphery is low at any size), or
    /// "perf" for a micro-optimisation nobody notices ("perf(context): iterate the header record with for..in").</summary>
    private static string? RefactorOf(CommitTraits traits, long productLines, bool confined) =>
        (productLines <= RefactorLines || confined) && TitleSignals.RefactorOf(traits) is { } verb ? verb
        : productLines <= MicroOptimisationLines && TitleSignals.DeclaresPerformance(traits) ? "perf"
        : null;

    /// <summary>What a change protects against: GitHub's advisory merge, the cost of handling input an attacker chooses,
    /// a credential the product exposed, a permission or authentication it now requires, what its title and body say
    /// (<see cref="HardeningIn"/>), a bound on what it parses or a bypass it closes, a tightened sandbox, or — for a fix,
    /// whose title often says only what it changes — a severe danger its body names ("Fix multiple RFC 4462 compliance
    /// problems" with "a moderate pre-authentication resource DoS" below it), or a flaw of access control that someone
    /// outside reported ("properly bail out when PAM changes username …
    /// Reported by …"), or — whatever the message says — a protection the code of <paramref name="source"/> newly calls
    /// (<see cref="CodeLines.ProtectionAddedIn"/>). <paramref name="bodyLead"/> is the body's first <see cref="LeadCharacters"/> characters.</summary>
    private static string? HardeningOf(
        CommitRecord commit, CommitTraits traits, List<string> title, int lead, List<string> body, string bodyLead, IReadOnlyList<ClassifiedFile> source) =>
        TitleSignals.IsAdvisoryMerge(commit.Title) ? "GitHub security advisory"
        : TitleSignals.DenialOfServiceOf(traits, commit.Title) is { } cost ? $"denial of service ({cost})"
        : (TitleSignals.CredentialExposureOf(commit.Title) ?? TitleSignals.AccessRequirementOf(commit.Title)) is { } access ? access
        : HardeningIn(title, lead, body.Take(LeadWords).ToList(), traits, bodyLead)
            // A performance change that checks something first ("perf: check the token kind before extracting source")
            // guards the work it saves, not input.
            ?? (traits.WeightKey == "perf" ? null : TitleSignals.InputGuardOf(commit.Title) ?? TitleSignals.HardeningPhraseOf(commit.Title))
            // "sandbox: deny all of $HOME except Homebrew dirs", "fix(permissions): run special-file guard for no-follow ops":
            // tightening the sandbox (a runtime's permission system) is hardening whatever it names.
            ?? (traits.Scope is "sandbox" or "permissions" or "permission" && title.Take(3).FirstOrDefault(w => w is "quote" or "quotes" or "guard" or "guards" || Vocabulary.Protective.Contains(w) && !w.StartsWith("sandbox", StringComparison.Ordinal)) is { } tightened
                ? $"{traits.Scope} … {tightened}" : null)
            ?? (traits.WeightKey is "fix" or "other" or "revert"
                ? TitleSignals.SevereDangerIn(bodyLead, traits.Scope) ?? TitleSignals.ReportedAccessFlawIn(commit.Title, bodyLead)
                : null)
            // A new feature escapes what its own new code prints (pomerium's "controlplane: add /versioned_config debug
            // page" with html.EscapeString): no hole of what users ran is closed.
            ?? (traits.WeightKey == "feat" ? null : CodeLines.ProtectionAddedIn(commit, traits, source));

    private static string Lead(string bodyText) => bodyText.Length > LeadCharacters ? bodyText[..LeadCharacters] : bodyText;

    /// <summary>The first severe word of a title that is not about the repository's own tooling ("fix the broken tests",
    /// "broken CI", "wrong link in the docs" repair nothing a user runs).</summary>
    private static string? SevereIn(IReadOnlyList<string> title)
    {
        for (var i = 0; i < title.Count; i++)
        {
            // "Fix invalid free when constructing script templates", "use after free in …" written as words; before the
            // single word, which would read "uninitialized memory read" as "uninitialized" alone.
            if (MemoryErrorAt(title, i) is { } memory)
            {
                return memory;
            }
            if (Vocabulary.Severe.Contains(title[i]) && !(i + 1 < title.Count && Vocabulary.Tooling.Contains(title[i + 1])))
            {
                return title[i];
            }
            // "fix busy loop when peer half-closes": a process that spins for ever is a hang.
            if (title[i] == "busy" && i + 1 < title.Count && title[i + 1] is "loop" or "loops" or "looping")
            {
                return Vocabulary.BusyLoop;
            }
        }
        return null;
    }

    /// <summary>A memory error written as words at <paramref name="i"/>: "invalid free", "double free", "use after free",
    /// "out of bounds", read as the hyphenated word of <see cref="Vocabulary.MemorySafety"/>; "uninitialized memory read"
    /// (memory read before it was written, where "uninitialized model_training" is a field left unset).</summary>
    private static string? MemoryErrorAt(IReadOnlyList<string> title, int i)
    {
        string? Next(int offset) => i + offset < title.Count ? title[i + offset] : null;
        return title[i] switch
        {
            "invalid" or "double" when Next(1) is "free" or "frees" => "double-free",
            "use" when Next(1) == "after" && Next(2) == "free" => "use-after-free",
            "out" when Next(1) == "of" && Next(2) is "bounds" or "bound" => "out-of-bounds",
            "uninitialized" or "uninitialised" when Next(1) is "memory" or "read" or "reads" => Vocabulary.UninitialisedMemory,
            _ => null,
        };
    }

    /// <summary>In a fix or feature, the trivial word the title is about: just after its verb ("Fix indent", "fix duplicate
    /// 'is' typo in comment") or at the head of a short subject ("fix: typo in docstring", "empty_enum renamed to
    /// empty_enums") — not a word in passing ("guard init_trackers and log against None", "print `{#await}` correctly",
    /// "parse nth-child without whitespace").</summary>
    private static string? TrivialObjectOf(IReadOnlyList<string> subject)
    {
        if (subject.Count == 0)
        {
            return null;
        }
        if (Vocabulary.EditVerbs.Contains(subject[0]))
        {
            return subject.Skip(1).Take(3).FirstOrDefault(Vocabulary.Trivial.Contains);
        }
        // "fix: typos in comments, tests, functions": a subject that leads with the typo fixes nothing else, however long.
        if (subject[0] is "typo" or "typos" or "spelling" or "misspelling" or "misspellings")
        {
            return subject[0];
        }
        return subject.Count <= ShortSubjectWords ? subject.Take(2).FirstOrDefault(Vocabulary.Trivial.Contains) : null;
    }

    private static long Removed(IReadOnlyList<ClassifiedFile> files) => files.Sum(f => (long)f.Change.Deletions);

    private static long Added(IReadOnlyList<ClassifiedFile> files) => files.Sum(f => (long)f.Change.Additions);

    /// <summary>Core when most changed lines lie in the repository's core (or the repository is too small to tell);
    /// periphery when they all lie in its periphery or under benchmark/example-like folders.</summary>
    private static (bool Core, bool Periphery) Placements(IReadOnlyList<ClassifiedFile> files, RepositoryProfile profile)
    {
        if (files.Count == 0)
        {
            return (false, false);
        }
        long core = 0, periphery = 0, total = 0;
        foreach (var file in files)
        {
            var lines = Math.Max(1L, (long)file.Change.Additions + file.Change.Deletions);
            total += lines;
            var placement = InFolder(file.Change.Path, Vocabulary.PeripheryDirectories) || InExampleFolder(file.Change.Path)
                ? Placement.Periphery
                : profile.PlacementOf(file.Change.Path);
            if (placement is Placement.Core or Placement.Unknown or Placement.Normal)
            {
                core += lines;
            }
            else if (placement == Placement.Periphery)
            {
                periphery += lines;
            }
        }
        return (core * 2 > total, periphery == total);
    }

    /// <summary>The folders of agent skills a commit touches ("src/pkg/skills/" of "src/pkg/skills/nvrx-attr/SKILL.md"): a
    /// skill is instructions and scripts for a coding agent, nothing the product runs. Null when the commit has no SKILL.md
    /// (a "skills" folder alone may be the product's: "src/openai/resources/skills/").</summary>
    private static List<string>? SkillBundles(IReadOnlyList<ClassifiedFile> files)
    {
        List<string>? roots = null;
        foreach (var file in files)
        {
            var path = file.Change.Path;
            if (path.EndsWith("/SKILL.md", StringComparison.Ordinal) && path.LastIndexOf("skills/", StringComparison.Ordinal) is var at and >= 0
                && (at == 0 || path[at - 1] == '/'))
            {
                var root = path[..(at + "skills/".Length)];
                if (roots is null || !roots.Contains(root))
                {
                    (roots ??= []).Add(root);
                }
            }
        }
        return roots;
    }

    private static bool InFolder(string path, HashSet<string> names) => FolderIn(path, names) is not null;

    /// <summary>Under an examples-like folder: <c>examples/</c>, <c>demo/</c>, or one named for what it shows
    /// (<c>dart-api-examples/</c>, <c>nodejs_examples/</c>, <c>react-demo/</c>).</summary>
    internal static bool InExampleFolder(string path) => FolderIn(path, Vocabulary.ExampleDirectories, byLastWord: true) is not null;

    /// <summary>The commit tells users about itself: a changelog, changeset or release-notes entry, or user documentation.</summary>
    private static bool AnnouncedToUsers(IReadOnlyList<ClassifiedFile> files) =>
        files.Any(f => f.Role == FileRole.Docs && UserFacingDocs().IsMatch(f.Change.Path));

    /// <summary>A change of the repository's own tooling — a `ci:`/`test:`/`docs:`/`style:` commit, or one that changes no
    /// source, only configuration and build files ("feat: add security audit CI", "chore(deny): stop the advisory ignore
    /// …") — hardens nothing a user runs; a dependency bump is judged as one, and a "[security]" bump of what only the
    /// maintainers run (type definitions, dev-dependencies) hardens nothing either.</summary>
    private static bool ToolingOnly(CommitTraits traits, IReadOnlyList<ClassifiedFile> source, IReadOnlyList<ClassifiedFile> product, DependencyBump? dependency) =>
        dependency is { DevelopmentOnly: true } || dependency is null && (traits.WeightKey is "ci" or "test" or "docs" or "style"
            || source.Count == 0 && product.All(f => f.Role is FileRole.Config or FileRole.Build) && !NamesAnAdvisory(traits));

    /// <summary>The title names the advisory it fixes ("Harden ACME Challenge and Order RBAC (GHSA-8rvj-mm4h-c258)"): a
    /// shipped manifest or build file closes it as well as code does.</summary>
    private static bool NamesAnAdvisory(CommitTraits traits) =>
        traits.Security && traits.SecurityKeyword is { } keyword && traits.Subject.Contains(keyword, StringComparison.OrdinalIgnoreCase)
        && CommitClassifier.IsAdvisoryId(keyword);

    /// <summary>The areas a scope lists: "core,security" of "[core,security] reject short server random".</summary>
    private static string[] ScopeNames(string? scope) =>
        scope?.Split([',', '/', '|', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>"escape sequences", "ANSI escape codes", "escape characters": the word names text, not what escaping does.</summary>
    private static bool IsTextEscape(List<string> title, int at) =>
        title[at] is "escape" or "escapes" && at + 1 < title.Count && title[at + 1] is "sequence" or "sequences" or "code" or "codes" or "character" or "characters" or "char" or "chars";

    /// <summary>A protective verb in the title with something dangerous in the title or body, or a word that alone
    /// says security; the keyword the classifier found counts too. A protective verb that is a noun too ("limits",
    /// "block") counts at <paramref name="lead"/>, the title's leading verb, or after "to"/"and".</summary>
    private static string? HardeningIn(List<string> title, int lead, List<string> body, CommitTraits traits, string bodyLead)
    {
        // A keyword in the title, or an advisory or weakness id anywhere ("Fix heap buffer overflow …" with CVE-2025-48060 in
        // the body or a "CVE: 2026-13698" trailer, "Guard JSON conversion depth for CWE-674").
        if (traits.Security && traits.SecurityKeyword is { } keyword && (traits.Subject.Contains(keyword, StringComparison.OrdinalIgnoreCase)
            || CommitClassifier.IsAdvisoryId(keyword)))
        {
            return keyword;
        }
        // The title's type or scope says it: "security: move OG image execution behind flag", "fix(security): iteratively
        // decode multi-level URL encoding".
        if (traits.WeightKey == "security" || ScopeNames(traits.Scope).Contains("security", StringComparer.OrdinalIgnoreCase))
        {
            return "security";
        }
        // "security" alone says it, but not as the name of a tool or page ("security audit CI", "Security module").
        for (var i = 0; i < title.Count; i++)
        {
            if (Vocabulary.SecurityNouns.Contains(title[i]) && !(title[i] == "security" && i + 1 < title.Count && Vocabulary.NotSecurityAfter.Contains(title[i + 1]))
                // Nor as a part of a package's name ("org.springframework.security:spring-security-bom").
                && !(title[i] == "security" && !SecurityAsAWord().IsMatch(traits.Subject))
                // "sandbox" is often a component's name ("open a chat's sandbox folder"): with a danger beside it only.
                && !(title[i] == "sandbox" && !title.Any(w => w != "sandbox" && Vocabulary.Danger.Contains(w)))
                // "Harden rollout abort handling", "harden MTP default group alias": robustness, unless what is hardened is
                // where untrusted input or access is handled ("harden checkpoint torch loads", "harden redirect handling").
                && !(title[i] is "harden" or "hardens" && !title.Any(w => Vocabulary.Danger.Contains(w) || Vocabulary.HardenedSurfaces.Contains(w)))
                // "leave '!' unescaped": what a title chooses to leave unescaped is markup, not a hole closed.
                && !(title[i] is "unescaped" or "unsanitized" or "unsanitised" && i > 0 && title[i - 1] is "leave" or "leaves" or "left" or "keep" or "keeps" or "kept"))
            {
                return title[i];
            }
        }
        // "avoid computing escape sequence semantic tokens": an escape sequence is text, neither escaping nor a way out.
        var verb = title.Where((w, i) => Vocabulary.Protective.Contains(w) && !IsTextEscape(title, i)
            && (!Vocabulary.LeadingOnlyProtective.Contains(w) || i == lead || i > 0 && title[i - 1] is "to" or "and")).FirstOrDefault();
        // The danger is another word than the verb ("escape" is both). In the body only an unmistakable one counts: a
        // body names tokens, hashes, masks and forwarded props for many other reasons.
        // "disallow ../ elements in relpath": a parent-directory step is a path escape, in the title only.
        // "prevent stack overflow in recursive types": deep recursion crashes; "constrain height to prevent viewport
        // overflow": a layout overflows its box. A buffer overflowed is the danger.
        if (verb is not null && (title.Where((w, i) => w != verb && Vocabulary.Danger.Contains(w) && !IsTextEscape(title, i)
                && !(w is "overflow" or "overflows" && i > 0 && title[i - 1] is "stack" or "viewport" or "text" or "content" or "horizontal" or "vertical" or "layout")
                && !(w is "token" or "tokens" && title.Any(Vocabulary.ModelTokenWords.Contains))
                && !(w is "script" && title.Any(Vocabulary.ToolScriptWords.Contains))).FirstOrDefault()
            ?? (traits.Subject.Contains("../", StringComparison.Ordinal) || traits.Subject.Contains("..\\", StringComparison.Ordinal) ? "../" : null)
            ?? body.FirstOrDefault(w => w != verb && Vocabulary.IsUnmistakableDanger(w))) is { } danger)
        {
            return $"{verb} … {danger}";
        }
        // A bound put on what input makes the product spend: "ssh: limit bcrypt KDF rounds in OpenSSH private key decryption",
        // "Cap XmlRenderer indentation depth" — not a batch size (a decode batch is no input).
        if (lead >= 0 && lead < title.Count && title[lead] is "limit" or "limits" or "bound" or "bounds" or "cap" or "caps"
            && title.Skip(lead + 1).FirstOrDefault(Vocabulary.SpentByInput.Contains) is { } spent)
        {
            return $"{title[lead]} … {spent}";
        }
        // "enforce" what bounds or guards input: "Enforce client_max_size over entire multipart form", "enforce minimum
        // FileTypeBox length", "enforce download permission on the checksum branch", "Enforce session timeouts".
        if (title.Contains("enforce") || title.Contains("enforces"))
        {
            foreach (var word in title)
            {
                foreach (var part in word.Split('_', '-'))
                {
                    if (Vocabulary.EnforcedBounds.Contains(part))
                    {
                        return $"enforce … {word}";
                    }
                }
            }
        }
        // Validation added or tightened, a missing check or escape added, a check put before what trusts the value.
        if (TitleSignals.AddsValidation(traits.Subject))
        {
            return "validation";
        }
        // An extra check alone is defensive code ("CollectionModel: Add extra checks", "Add extra checks for transparency");
        // it protects when the title names what it guards against ("add extra check for metadata corruption").
        var missing = TitleSignals.MissingCheckOf(traits.Subject) is { } added
            && (added.StartsWith("missing", StringComparison.Ordinal) || title.Any(w => Vocabulary.Danger.Contains(w) || Vocabulary.Severe.Contains(w)))
            ? added : null;
        if ((missing ?? TitleSignals.CheckBeforeUseOf(traits.Subject)) is { } check)
        {
            return check;
        }
        // A protection phrased as a removal or a restriction: "drop the trusted proxy header", "no longer trust X-Forwarded-For",
        // "only accept signed archives from …" — with what it protects named in the title.
        if (RemovalOf(title) is { } removal && title.FirstOrDefault(w => w != removal && Vocabulary.RemovedDanger.Contains(w)) is { } removed)
        {
            return $"{removal} … {removed}";
        }
        // The title may say nothing ("improve the reliability"): a body that protects against two distinct dangers,
        // one of them unmistakable, says it instead — not for a feature, whose body may describe a security tool
        // ("port the audit command": vulnerabilities, advisories).
        if (traits.WeightKey == "feat")
        {
            return null;
        }
        // "This effectively protects the user against zip bombs."
        if (TitleSignals.ProtectionIn(bodyLead) is { } protection)
        {
            return protection;
        }
        var bodyVerb = verb ?? body.FirstOrDefault(Vocabulary.Protective.Contains);
        var dangers = DistinctDangers(body.Where(w => Vocabulary.Danger.Contains(w) && !Vocabulary.TitleOnlyDanger.Contains(w)));
        if (bodyVerb is not null && dangers.Count >= 2 && dangers.FirstOrDefault(Vocabulary.StrongDanger.Contains) is { } strong)
        {
            return $"{bodyVerb} … {strong}";
        }
        var unmistakable = DistinctDangers(body.Where(Vocabulary.IsUnmistakableDanger));
        return unmistakable.Count >= 2 ? $"{unmistakable[0]} … {unmistakable[1]}" : null;
    }

    /// <summary>Dangers of distinct stems: two forms of one word ("traversal", "traverse") are one.</summary>
    private static List<string> DistinctDangers(IEnumerable<string> words) =>
        words.DistinctBy(w => w[..Math.Min(w.Length, DangerStemLength)], StringComparer.Ordinal).ToList();

    /// <summary>The words of a title that take something away or narrow it: a removal verb, "no longer", "only
    /// allow/accept/trust".</summary>
    private static string? RemovalOf(List<string> title)
    {
        for (var i = 0; i < title.Count; i++)
        {
            if (Vocabulary.Removal.Contains(title[i]))
            {
                return title[i];
            }
            if (i + 1 < title.Count && ((title[i] == "no" && title[i + 1] == "longer") || (title[i] == "only" && Vocabulary.Narrowed.Contains(title[i + 1]))))
            {
                return $"{title[i]} {title[i + 1]}";
            }
        }
        return null;
    }

    /// <summary>What a title says only text changes: a docs type ("docs:", "[3/x] docs update"), a fix or update of
    /// the docs, or better error/warning wording in a change of at most <see cref="WordingLines"/> lines.</summary>
    private static string? WordingOf(string title, CommitTraits traits, long productLines)
    {
        // "fix(docs): update eval example": the scope says what the fix is about.
        if (traits.WeightKey == "docs" || traits.Scope is "docs" or "doc" or "documentation" && productLines <= WordingLines)
        {
            return "docs";
        }
        var match = PatternWords.MayMatch(title, WordingWords) ? WordingTitle().Match(title) : Match.Empty;
        return match.Success && (match.Groups["docs"].Success || productLines <= WordingLines) ? match.Value.Trim() : null;
    }

    /// <summary>The words of a title that take a feature out of its preview gate, or null; "stabilize the flaky test"
    /// is not one.</summary>
    private static string? GraduationOf(string subject) =>
        GraduationTitle().Match(subject) is { Success: true } match && !NotGraduation().IsMatch(subject) ? match.Value.Trim() : null;

    /// <summary>A gating word in the title or the body's first 400 words; "WIP" only in the title (a squash body lists its
    /// work-in-progress commits: "* WIP Caddyfile"). A word that is part of a dotted name ("`URL.prototype.port`",
    /// "`CryptoKey.prototype`": JavaScript's prototypes) gates nothing.</summary>
    private static string? ExperimentalOf(List<string> title, string subject, List<string> body, string bodyText) =>
        title.FirstOrDefault(w => Vocabulary.Experimental.Contains(w) && Vocabulary.StandsAlone(subject, w))
        ?? body.Take(400).FirstOrDefault(w => Vocabulary.Experimental.Contains(w) && !Vocabulary.TitleOnlyExperimental.Contains(w)
            && Vocabulary.StandsAlone(bodyText, w));

    /// <summary>The gate a folder puts on the code in it: most changed lines lie under a folder named nursery,
    /// experimental, preview, unstable, prototype or incubator (a linter's nursery rules, a library's prototype
    /// namespace) — opt-in for users whatever the title says.</summary>
    private static string? GatedFolderOf(IReadOnlyList<ClassifiedFile> files)
    {
        long gated = 0, total = 0;
        string? folder = null;
        var added = false;
        foreach (var file in files)
        {
            var lines = Math.Max(1L, (long)file.Change.Additions + file.Change.Deletions);
            total += lines;
            if (FolderIn(file.Change.Path, Vocabulary.GatedDirectories) is { } name)
            {
                gated += lines;
                folder ??= name;
                // A new file in the gated folder is the feature itself: "implement rule useDisposables" adds
                // lint/nursery/use_disposables.rs beside the type inference it needs.
                added |= file.Change.Status == FileStatus.Added;
            }
        }
        return folder is not null && (gated * 2 > total || added) ? folder + "/" : null;
    }

    /// <summary>The first folder of <paramref name="path"/> whose name, lower-cased, is one of <paramref name="names"/>. Asked
    /// several times of every file (20,000 for a mass reformat): the segments are lower-cased into a buffer, not allocated.</summary>
    /// <summary>The first folder of <paramref name="path"/> named in <paramref name="names"/> (case-insensitively), or — with
    /// <paramref name="byLastWord"/> — whose last '-' or '_' separated word is ("dart-api-examples").</summary>
    private static string? FolderIn(string path, HashSet<string> names, bool byLastWord = false)
    {
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[256];
        var rest = path.AsSpan();
        for (var slash = rest.IndexOf('/'); slash >= 0; slash = rest.IndexOf('/'))
        {
            var segment = rest[..slash];
            var lower = segment.Length <= buffer.Length ? buffer[..segment.Length] : new char[segment.Length];
            segment.ToLowerInvariant(lower);
            var separator = byLastWord ? lower.LastIndexOfAny('-', '_') : -1;
            if (lookup.Contains(lower) || separator > 0 && lookup.Contains(lower[(separator + 1)..]))
            {
                return segment.ToString();
            }
            rest = rest[(slash + 1)..];
        }
        return null;
    }

    /// <summary>A bump of the project's own version: a release-like title naming a version (a package's tag may lead it:
    /// "chore(release): vpy3.0.0" releases the Python package), touching only manifests, changelogs, version files or
    /// configuration.</summary>
    private static string? ReleaseOf(CommitRecord commit, IReadOnlyList<ClassifiedFile> product)
    {
        // 'Revert "[release] Prepare and release 3.7.4"': a failed release attempt undone moves the version back.
        var title = TextSignals.Reverted(commit.Title) ?? commit.Title;
        var match = ReleaseTitle().Match(title);
        // "Version Packages": the release pull request of the changesets bot, which names no version; "[maven-release-plugin]
        // prepare for next development iteration": Maven's commit after a release, which moves every version to a snapshot;
        // "set dev version": the same after a release of datasets.
        // The bot's title may carry a type or area ("release: version packages (#6469)", "ci: Version Packages"); the title is
        // read for its subject once, and only when it holds the words either subject starts with.
        var subject = !match.Success && (title.Contains("Version Packages", StringComparison.OrdinalIgnoreCase)
            || title.Contains("release ", StringComparison.OrdinalIgnoreCase))
            ? CommitClassifier.ScopeAndSubject(title).Subject.TrimStart()
            : null;
        var changesets = subject is not null && subject.StartsWith("Version Packages", StringComparison.OrdinalIgnoreCase);
        // "chore: release multiple projects": a release tool's commit for several packages at once, which names none.
        var packages = subject is not null && ReleaseOfPackages().IsMatch(subject);
        var iteration = !match.Success && (title.Contains("prepare for next development iteration", StringComparison.OrdinalIgnoreCase)
            || DevelopmentVersion().IsMatch(title));
        if (!match.Success && !changesets && !packages && !iteration)
        {
            return null;
        }
        // Version strings written into a few source lines ("since 0.16.0" markers) still make a version bump, and so does a
        // release that carries a last line or two of code beside its version files.
        // libpng's "Release libpng version 1.6.52" rewrites its version in png.h, png.c, configure and a dozen more: of the
        // lines read, only those without a number can be more than the version.
        var rest = product.Where(f => f.Role is not (FileRole.DependencyManifest or FileRole.Config or FileRole.Build)
            && !ReleaseFile().IsMatch(f.Change.Path) && f.Change.Additions + f.Change.Deletions > VersionStringLines);
        var small = rest.Sum(f => CodeLines.UnnumberedIn(commit, f.Change)) <= SmallLines;
        return !small ? null : changesets ? "(changesets)" : packages ? "(several packages)" : iteration ? "(next development iteration)" : match.Groups["version"].Value;
    }

    private static bool IsBot(Person person) =>
        person.Name.Contains("[bot]", StringComparison.OrdinalIgnoreCase)
        || person.Name.StartsWith("renovate", StringComparison.OrdinalIgnoreCase)
        || person.Name.StartsWith("dependabot", StringComparison.OrdinalIgnoreCase)
        || person.Email.Contains("[bot]@", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\s*(set|bump|update)s?( the)?( next)? (dev|development) version\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DevelopmentVersion();

    [GeneratedRegex(@"^\s*release (multiple |all )?(projects|packages|crates)\s*(\(#\d+\))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseOfPackages();

    /// <summary>A file of the release tooling: under a tooling folder at the root, with a folder or file named for the
    /// release on its path.</summary>
    [GeneratedRegex(@"^(scripts?|tools?|tasks|support|build-aux|build_tools|buildtools|xtask|eng|dev|devscripts|devtools|utils|packaging|hack|maint)/([^/]+/)*(release|releases|releaser|releasing|publish|publishing|bump[-_]?version|version[-_]?bump|make[-_]tarball|(prepare|cut|tag|do)[-_]release|release[-_][\w-]+)(\.\w+)?(/|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseToolPath();

    [GeneratedRegex(@"^\s*[A-Za-z]+\((release|version)\)!?:\s*(v?[a-z]{2,4}-?)?v?(?<version>\d+\.\d+(\.\d+)?([.-]?\w+)?)|^\s*(\[[^\]]{1,30}\]\s*)?([\w./-]{1,30}(\([^)]*\))?!?\s?:\s*)?(release|bump(ed)?( the)?( package| project| crate)? version( to| number)?|version bump( to)?|(set|update)( the)? version( to| post| for| after)?|update to( the)?( release)? version|(now )?working on( version)?|version to|(update|add)( the)? (release )?(signatures|checksums)( of| for)?|prepare( for| and)?( the)? (release|(?=v?\d))|releas(e|ed|ing)( for| of)?( [\w.-]{1,30}){0,2}?( version)? v?|publish(es|ed|ing)? v?|bump( to)?(?=\s*v?\d)|version(?=\s+v?\d)|v(?=\d))\s*:?\s*([\w./-]{1,40}@|[a-z][\w.]{0,30}(-[a-z][\w.]{0,30}){0,3}-(?=v?\d))?[`'""]?v?(?<version>\d+\.\d+(\.\d+)?([.-]?\w+)?)|^\s*v?(?<version>\d+\.\d+\.\d+([.-]?\w+)?)\s*(\(#\d+\))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseTitle();

    // "security" written as a word of its own, not joined into an identifier by "-", ".", "/", "_" or ":".
    [GeneratedRegex(@"(?<![\w./:-])security(?![\w/-]|[.:]\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecurityAsAWord();

    /// <summary>The files a release writes: version files, changelogs, citation metadata, signatures and checksums of its
    /// artefacts.</summary>
    [GeneratedRegex(@"(^|/)(version|_version|__version__|VERSION)(\.\w+)?$|(^|/)__init__\.py$|(^|/)(CHANGELOG|CHANGES|HISTORY|NEWS|ANNOUNCE)|(^|/)CITATION\.cff$|\.(asc|sig|minisig)$|(^|/)sha(256|512)sums?(\.txt)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseFile();

    [GeneratedRegex(@"(^|/)(\.changeset|changelog\.d|changes|newsfragments|release-?notes)/|(^|/)(CHANGELOG|CHANGES|NEWS|HISTORY|README)[^/]*$|^docs?/(?!.*(design|internal|dev|contributing))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserFacingDocs();

    [GeneratedRegex(@"\baddress(es|ed|ing)? (the |some |more )?(pr |review |code review )?(comments?|feedback|nits?)|\b(apply|applied|applies|applying|incorporate[sd]?|follow(ed|s|ing)?)\s+(the\s+|some\s+|more\s+|all\s+)?(cr\s+|pr\s+|review(er)?\s+|code[- ]review\s+)?(comments?|feedback|suggestions?|nits?|remarks?)\b|\bcr (comments?|feedback)\b|\b(review|pr) (comments?|feedback)\b|^\s*(fix(es)?|changes|updates) (from|after|per) (the )?(code |pr )?reviews?\b|\btodos?\b|\bnits?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowUpTitle();

    [GeneratedRegex(@"^\s*(\w+(\([^)]*\))?:\s*)?((?<word>((more|minor|small|some|quick|tiny|few|misc|other) )?(fix|fixes|fixed|fixup|wip|changes|tweaks?|cleanup|clean up|revert|typos?|nits?|refining|polish|polishing))\s*(\(#\d+\))?|(?<word>wip) - \w+|(?<word>copybara import( of the project)?|project import generated by copybara)\s*:?)\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnnamedTitle();

    [GeneratedRegex(@"\b(nothing|no one|nobody|no code|no callers?)\b.{0,30}\b(imports?|uses?|calls?|references?|depends)\b|\b(unused|dead code|no longer used)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoLongerUsed();

    [GeneratedRegex(@"\b(stabili[sz](e|es|ed|ing|ation)|graduat(e|es|ed|ing)|promot(e|es|ed|ing)\b.{1,60}\bto stable|(out|leaves?|leaving|exits?) (of )?(the )?(preview|experimental|beta|nightly)|no longer (experimental|preview|unstable|beta|behind)|generally available|general availability|remove (the )?(preview|experimental) (gate|flag|requirement))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GraduationTitle();

    [GeneratedRegex(@"\b(flaky|flakiness|tests?|ci|build|benchmarks?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotGraduation();

    /// <summary>Words one of which every match of <see cref="WordingTitle"/> holds.</summary>
    private static readonly System.Buffers.SearchValues<string> WordingWords = System.Buffers.SearchValues.Create(
        ["doc", "release notes", "grammar", "spelling", "wording", "error", "warning", "message", "hint", "correct", "right", "original", "actual", "proper", "logging", "logs", "log statement", "log line", "log message", "debug print"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\s*(\[[^\]]{1,40}\]\s*)*(\w+(\([^)]*\))?:\s*)?(?<docs>(docs?|documentation) (update|fix|clean ?up)|release notes\b|(fix|fixes|fixed|correct|corrects|corrected)( the)? (grammar|spelling|wording)\b|(fix|update|correct|improve|clarify|consolidate|enhance|expand|rewrite|polish)\w*\b.{0,60}\b(docs|documentation|docstrings?|doc (examples?|comments?|tests?|errors?)|doctests?|(go|rust|java|type)doc)(?=\s*(\(|$|\bto\b|\bfor\b))|(add|adds|added|adding)\s+(missing\s+|more\s+)?(reference\s+|api\s+|usage\s+)?(docs|documentation|docstrings?|doc comments?)(?=\s*(\(|$|\bto\b|\bfor\b|\bof\b|\bon\b)))|\berror (messages?|text)\b|\b(improve|clarify|reword|mention)\w*\b.{0,40}\b(errors?|warnings?|messages?|hints?)\b|\b(show|shows|print|prints|log|logs|report|reports)\s+(the\s+)?(correct|right|original|actual|proper)\b(?=.{0,60}\b(errors?|warnings?|messages?|logs?|names?|values?)\b)|^\s*(\[[^\]]{1,40}\]\s*)*([\w./-]+(\([^)]*\))?:\s*)?(add|adds|added|adding|more)\s+(more\s+|some\s+|extra\s+|additional\s+|verbose\s+)*(debug\s+)?(logging|logs|log (statements|lines|messages)|debug prints?)\b(?=\s*($|\(|\.|\b(for|to|in|around|on|when|into|of|with|about)\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordingTitle();

    /// <summary>The first environment variable a title names: an upper-case word with an underscore
    /// (<c>HF_HUB_OFFLINE</c>), not a macro call (<c>CHECK_EQ(</c>). One pass over the title, no regex.</summary>
    private static string? EnvironmentVariableIn(string title)
    {
        var start = -1;
        for (var i = 0; i <= title.Length; i++)
        {
            var inWord = i < title.Length && (char.IsAsciiLetterOrDigit(title[i]) || title[i] == '_');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = title.AsSpan(start, i - start);
                if (IsEnvironmentVariable(word) && (i == title.Length || title[i] != '('))
                {
                    return word.ToString();
                }
                start = -1;
            }
        }
        return null;
    }

    /// <summary>UPPER_SNAKE with words in it (HF_HUB_OFFLINE, CUDA_HOME), not a quantisation type or a constant with
    /// digits in each part (Q4_K, TQ2_0, IQ4_XS).</summary>
    private static bool IsEnvironmentVariable(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || !char.IsAsciiLetterUpper(word[0]) || word[^1] == '_' || !word.Contains('_') || word.ContainsAnyExcept(UpperSnake))
        {
            return false;
        }
        var wordParts = 0;
        var mixed = false;
        foreach (var range in word.Split('_'))
        {
            var part = word[range];
            wordParts += part.Length >= 3 && !part.ContainsAnyInRange('0', '9') ? 1 : 0;
            mixed |= part.ContainsAnyInRange('0', '9') && part.ContainsAnyInRange('A', 'Z');
        }
        return wordParts >= 1 && !mixed;
    }

    private static readonly System.Buffers.SearchValues<char> UpperSnake =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>The leading verb of a plain title that says what the product now does or stops doing, unless the title is
    /// about the repository's own tooling, docs or versions ("Set version post v2.12.0 release", "Disable "Linting files"
    /// step", "Don't need q_dk_consumer_state").</summary>
    private static string? BehaviourVerbOf(string subject, IReadOnlyList<string> title) =>
        BehaviourLead().Match(subject) is { Success: true } lead
        && !title.Any(w => Vocabulary.Tooling.Contains(w) || w is "version" or "release" or "changelog" or "typo" or "typos" or "need" or "needed")
            ? lead.Groups["verb"].Value.ToLowerInvariant()
            : null;

    /// <summary>A plain title's leading verb of behaviour, after any "[tag]" and one-word "area:" prefix.</summary>
    [GeneratedRegex(@"^\s*(\[[^\]]*\]\s*)*([\w./-]+\s*:\s*)?(?<verb>don'?t|do not|does not|doesn'?t|never|stop|only|always|skip|make|change|set|return|accept|fall ?back|treat|keep|preserve|respect|honou?r|ignore|disallow|reject|retry|require|disable|enable)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BehaviourLead();

    /// <summary>The condition or purpose of a behaviour change in a plain title: "when cleared", "if not read",
    /// "even if already woken", "instead of …", "to support iGPU", "to work with …".</summary>
    [GeneratedRegex(@"\b(when(ever)?|if|unless|instead of|so that|to (support|work|handle|allow|avoid|prevent|match))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScopedBehaviourTitle();

    /// <summary>Whether a title says a default changes: "… by default", "… as the default …", "new default …", "add … to
    /// the defaults", "X defaults to Y", or a leading verb of change with a default close behind it ("change default
    /// values", "lower table growth margin default"; "set" and "use" only when the title says what it becomes). A
    /// default that is only named ("fix missing default handler", "preserve context in lambda defaults", "deprecate
    /// default source priority") changes nothing by default.</summary>
    private static bool ChangesADefault(IReadOnlyList<string> title, int lead)
    {
        for (var i = 0; i < title.Count; i++)
        {
            if (title[i] == "by-default")
            {
                return true;
            }
            if (!Vocabulary.Defaults.Contains(title[i]))
            {
                continue;
            }
            var before = i > 0 ? title[i - 1] : string.Empty;
            var twoBefore = i > 1 ? title[i - 2] : string.Empty;
            var after = i + 1 < title.Count ? title[i + 1] : string.Empty;
            // "the default" where it ends the clause: "make the fast tokenizer v2 the default", "add … rules to the
            // defaults" — not "fall back to the default description".
            var endsClause = after.Length == 0 || after == "and";
            // "… when used as default values for a dataclass field" names a case, "use fp16 as default" sets one.
            if (before is "by" or "new" || before == "as" && twoBefore != "used" || before == "the" && (twoBefore is "as" or "new" || endsClause)
                || before == "to" && endsClause || title[i] == "defaults" && after == "to")
            {
                return true;
            }
        }
        if (lead >= title.Count || !(Vocabulary.DefaultVerbs.Contains(title[lead]) || Vocabulary.DefaultSetters.Contains(title[lead])))
        {
            return false;
        }
        var near = title.Skip(lead + 1).Take(4).ToList();
        var named = title[lead] is "default" or "defaults" || near.Any(Vocabulary.Defaults.Contains);
        // "default" leading is a verb only with what it becomes ("default new command to src layout"), else an adjective
        // ("default left and right prompts respect …").
        var says = title.Skip(lead + 1).Any(w => w is "to" or "as");
        // "make Rustls the default TLS provider": what it makes the default is said before it.
        var madeTheDefault = title[lead] is "make" or "makes" && near.Zip(near.Skip(1)).Any(p => p.First == "the" && Vocabulary.Defaults.Contains(p.Second));
        return named && (Vocabulary.DefaultVerbs.Contains(title[lead]) && (title[lead] is not ("default" or "defaults") || says)
            || Vocabulary.DefaultSetters.Contains(title[lead]) && (says || madeTheDefault));
    }

    /// <summary>A title's first sentence: up to a full stop that a capital letter follows, or the whole title.</summary>
    [GeneratedRegex(@"^.*?(?=\.\s+\p{Lu}|$)", RegexOptions.CultureInvariant)]
    private static partial Regex FirstSentence();

    /// <summary>Parenthesised notes at the end of a title: "(#27055)", "(renovate)", "(llama/26433)".</summary>
    [GeneratedRegex(@"(\s*\([^()]*\))+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingParentheses();

    /// <summary>A one-word "area:" prefix of a plain title ("opencl: …", "proxy: …").</summary>
    [GeneratedRegex(@"^\s*[\w.-]+\s*:\s", RegexOptions.CultureInvariant)]
    private static partial Regex AreaPrefix();

    [GeneratedRegex(@"\b(is|are|does|do|will|can|gets?) no longer\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoLonger();

    /// <summary>"chore(deps): update X action to v1.0.2", "Bump actions/checkout from 4 to 5": a version bump of a dependency.</summary>
    [GeneratedRegex(@"^\s*(\w+(\([^)]*\))?!?:\s*)?(bump|update|upgrade|pin)s?\b.*\b(to|from) v?\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BumpTitle();

    /// <summary>Whether a release workflow's title says what its artefacts become — a platform, toolkit or version built
    /// or dropped ("add CUDA 13 wheel builds", "release: remove riscv64 and powerpc64 artifacts", "ci: re-enable signing"),
    /// a new release workflow, a publish job gated behind an approval — not how the workflow runs ("Make notify-prs
    /// best-effort with a retry", "fix(release): pass GH_TOKEN to release process", "Fix GHA workflow for preparing
    /// release"): the same artefacts, published another way, change nothing a user installs.</summary>
    private static bool ChangesWhatShips(string title) =>
        !PipelinePlumbing().IsMatch(title)
        && ((ShippedTarget().IsMatch(title) && ArtefactSetVerb().IsMatch(title)) || NewReleaseWorkflow().IsMatch(title) || ReleaseGate().IsMatch(title));

    [GeneratedRegex(@"\b(cuda|rocm|hip|torch|python|py3\d+|aarch64|arm64|armv\d|x86(_64)?|amd64|i686|riscv\d*|powerpc\d*|ppc64(le)?|s390x|windows|macos|darwin|linux|musl|glibc|manylinux|wasm\w*|sm_?\d+|compute capabilit\w*|systemd|sign(s|ed|ing)?|notari[sz]\w*|tar(\.gz|balls?)|platforms?|targets?|architectures?|abi3?|\d+\.\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShippedTarget();

    [GeneratedRegex(@"\b(add(s|ed)?|drop(s|ped)?|remov(e|es|ed)|stop(s|ped)?|build(s)?|re-?enabl(e|es|ed)|enabl(e|es|ed)|disabl(e|es|ed)|avoid(s|ed)?|ship(s|ped)?|new)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArtefactSetVerb();

    [GeneratedRegex(@"\b(add(s|ed)?|new)\b.*\brelease (workflow|pipeline)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewReleaseWorkflow();

    [GeneratedRegex(@"\bgat(e|es|ed|ing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseGate();

    /// <summary>How a release workflow runs: retries, tokens, permissions, triggers, labels, templates, clean-up.</summary>
    [GeneratedRegex(@"\b(retry|retries|best-effort|continue-on-error|tokens?|PAT|permissions?|triggers?|labels?|labeler|checklists?|clean-?up|templates?|temporary|backfill|faster|PRs?|dependabot|attestations?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PipelinePlumbing();

    /// <summary>"Reduce wheel size from ~45 MB to ~1 MB", "setup.py: fix wheel building": a build change named by what it builds.</summary>
    [GeneratedRegex(@"\b(wheels?|binar(y|ies)|artifacts?|artefacts?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShippedArtefact();

    /// <summary>A title about what a release ships: its artefacts, their signature, where they are published.</summary>
    [GeneratedRegex(@"\b(releases?|releasing|publish(es|ed|ing)?|deploy(s|ed|ing|ment)?|wheels?|binar(y|ies)|artifacts?|artefacts?|sign(s|ed|ing)?|docker|installers?|dist)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseWorkflow();
}
