using System.Buffers;
using System.Text.RegularExpressions;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>Kinds of work a title names outright, whatever the repository: a refactor ("Inline RequestCommon",
/// "Deduplicate …"), a change of tests ("test: …", "test1668: …"), one hardware target or one model family
/// ("vulkan: …", "… on Ampere/Ada", "fix the crash of Llama-3.2-1B"), the removal of a supported capability
/// ("rtmp: drop support"); and a body that says what the change protects against.</summary>
internal static partial class TitleSignals
{
    /// <summary>"refactor", or the refactoring verb the subject starts with (the title after its [tags] or type
    /// prefix; "remove" of a dependency the title names and nothing more: "remove cfg-if dependency", "chore: remove the
    /// unnecessary `symlink` dependency in favor of `gix-fs`"), unless it states a purpose that changes behaviour ("… to
    /// support X").</summary>
    public static string? RefactorOf(CommitTraits traits) =>
        PurposeClause().IsMatch(traits.Subject) ? null
        : traits is { Declared: true, WeightKey: "refactor" } ? "refactor"
        : RefactorVerb().Match(traits.Subject) is { Success: true } match ? match.Groups["verb"].Value.ToLowerInvariant()
        : null;

    /// <summary>The title says the commit is about tests: a <c>test:</c>/<c>tests:</c> type, a <c>test1234:</c>
    /// area, a <c>fix: tests …</c> subject, or a subject whose only object is tests ("Add more tests", "repl: Snapshot testing",
    /// "Less verbose tests"), or tests added for something ("Add test for last match in runas lists", "Add better test for
    /// batches"), a kind of test added ("Add bundled-cmake ICU smoke test"), test coverage added or a test function by its name
    /// ("Added test_get_missing_dataset"); not "Fix broken pipe error and update tests", nor "adds check and test for + alignment".</summary>
    public static bool DeclaresTests(CommitTraits traits) =>
        traits is { Declared: true, WeightKey: "test" }
        || (traits.Scope is { } scope && NumberedTestArea().IsMatch(scope))
        || (traits is { Declared: true, WeightKey: "fix" } && TestsSubject().IsMatch(traits.Subject))
        || TestsObject().IsMatch(traits.Subject)
        || FlakyTests().IsMatch(traits.Subject);

    /// <summary>A flaky test made reliable ("Fix intermittently failing leader-related tests", "Fix queue-related intermittency
    /// in producer tests") or a test function fixed by its name ("Fix TestPostgreSQL_FatalInit"): whatever the commit touches
    /// to get there (an injectable clock threaded through the code) serves the tests.</summary>
    [GeneratedRegex(@"\b(flaky|flakey|flakiness|intermittent(ly)?|intermittency|sporadic(ally)?)\b.{0,40}\btests?\b|^fix(es|ed)?\s+Test[A-Z0-9]\w*\s*(\(#\d+\))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FlakyTests();

    /// <summary>A formatter run: "autoformat c/objc code, using clang-format", "Autoformat with ruff", "clang-format: reformat
    /// src/ and include/", "Reformat with newer black version", "run prettier on the docs" — what it changes is layout, at
    /// any size; not "Reformat grad_output if it's not channels last", which formats data.</summary>
    public static bool IsFormatterRun(string subject) => FormatterRun().IsMatch(subject);

    [GeneratedRegex(@"^\s*(?:(?:clang-format|black|prettier|gofmt|rustfmt|ruff|yapf|isort|autopep8|swift-?format|ktlint|stylua)\s*:\s*)?(?:(?:auto-?|re-?)format(?:s|ted|ting)?|format(?:s|ted|ting)?\s+(?:the\s+)?(?:code|files|sources|source files|codebase|repo|repository)|(?:run|apply|ran|applied)\s+(?:clang-format|black|prettier|gofmt|rustfmt|ruff format|yapf|isort|autopep8|swift-?format|ktlint|stylua))\b(?:.{0,60}\b(?:code|files?|sources?|src|codebase|repo|repository|with|using|clang-format|black|prettier|gofmt|rustfmt|ruff|yapf|isort|autopep8|swift-?format|ktlint|stylua)\b|\s*$|\s*\(#\d+\)\s*$)|^\s*(clang-format|black|prettier|gofmt|rustfmt|ruff|yapf|isort|autopep8|swift-?format|ktlint|stylua|biome)\s+(auto-?|re-?)?format(s|ted|ting)?\s*(\(#\d+\))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormatterRun();

    /// <summary>A fix of lints or compiler warnings: "Fix lints", "silence `clippy::implicit_clone`", "fix … unused var",
    /// a commit filed under a linter ("lint: narrow types to ensure correct usage", "clippy: allow … false positives",
    /// "clang-tidy: remove unused headers"),
    /// a warning avoided, resolved, quieted, worked around or removed ("pkcs11: Avoid some conversion warnings", "robin hood:
    /// resolve warning on new clang", "Core: Remove javadoc warnings"; not "Allow warnings to flush before process.exit"),
    /// "Fix -Wuninitialized-const-pointer for …", "fix dead_code warning", "Fix code style", "fix style", "fix: formatting issues", "Fix CS/WS issue",
    /// a linter's offenses addressed ("Address offenses", "Fix RuboCop offences"), the repository's pre-commit checks ("Fixing pre-commit issue from
    /// embedding_kernel", "[pre-commit.ci] pre-commit autoupdate"; not "add pre-commit support"), a code cleanup ("Code cleanup for micronaut-aop", "clean code", "Code Quality fix [E721]"; not a "Code Quality:" category
    /// before the subject that says what changed: "Code Quality: Fixed a crash when …"), a linter's rules adopted or enforced ("Enforce
    /// ruff/flynt rules (FLY)", "chore: add the ruff SIM checks", "Switch to Ruff", "Replace tslint with eslint"), the debugging
    /// output fixed ("Fix BodyPipe debugging in …"); or unused code removed ("Removed unused code.", "fix(agent): remove
    /// unused get_variable_names function"; not "remove unused repaint functionality"). A "fix(…):" type is no fixing verb
    /// for what its subject names ("fix(eslint-plugin): [return-await] …" is a linter's own rule, "fix(query): add
    /// deprecation warning …" a warning users get); a subject that is the lint warning is ("fix(core): lint warning in
    /// `decode.rs`").</summary>
    public static bool IsLintFix(string title) =>
        (PatternWords.MayMatch(title, LintWords) || title.Contains("CS", StringComparison.Ordinal)) && LintFix().IsMatch(title);

    /// <summary>Words one of which every match of <see cref="LintFix"/> holds (its case-sensitive "CS" aside).</summary>
    private static readonly SearchValues<string> LintWords = SearchValues.Create(
        ["lint", "clippy", "clang-tidy", "static", "cppcheck", "mypy", "flake8", "pyright", "go vet", "ruff", "psalm", "phpstan", "shellcheck",
         "unused", "dead", "style", "formatting", "warning", "debugging", "noqa", "-w", "pre-commit", "code clean", "code quality", "code tidy", "clean code", "clear code", "up code", "up the code", "tidy code", "tidy the code", "prettier", "rubocop", "biome", "codespell", "checkstyle", "spotless", "detekt", "rustfmt", "gofmt", "black", "offense", "offence", "happy", "satisf", "appease", "please"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Licence or copyright headers added or updated ("chore: add license header to brixbench files"): every file
    /// touched, nothing changed in what runs.</summary>
    public static bool IsHeaderChore(string title) => HeaderChore().IsMatch(title);

    /// <summary>A fix of type annotations, nothing that runs: the title's last object is the typing ("fix typing", "correct
    /// `device_mesh` type hint in FSDP strategies", "Replace typing module hints with modern syntax in metrics/nlp") or
    /// annotations of any kind ("Add fbounds-safety annotations for `VP8BitWriter`.", which compile to nothing in a normal
    /// build) — not "type errors", "type inference" or "type selectors".</summary>
    public static bool FixesTyping(string title) => PatternWords.MayMatch(title, TypeWords) && TypingFix().IsMatch(title);

    /// <summary>A fix whose last object is a type ("sessions: fix hooks type", "narrow TemplatePathFn pathData type by
    /// context"): a fix of annotations only beside a file of type declarations.</summary>
    public static bool FixesType(string title) => PatternWords.MayMatch(title, TypeWords) && TypeFix().IsMatch(title);

    /// <summary>What every match of <see cref="TypingFix"/> and <see cref="TypeFix"/> holds: a type, typing or typings.</summary>
    private static readonly SearchValues<string> TypeWords = SearchValues.Create(["typ", "annotations"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The title names the type checker its change satisfies ("resolve all strict mypy errors across crewai-tools",
    /// "Re-enable mypy with simple non-runtime fixes", "Ensure type-checker understands use of Submodules in MTP"), or Swift's
    /// strict concurrency checking ("Strict concurrency for the chat examples", "Make the FileSystem world strict concurrency
    /// clean"): the annotations change, nothing that runs.</summary>
    public static bool NamesTypeChecker(string title) => TypeChecker().IsMatch(title);

    /// <summary>The project's own build as what a fix repairs: "Fix phar compilation", "Fix nix flake build (rust toolchain
    /// …)", "Fix: Win32 build failure when paths contain spaces", or what a merge conflict broke ("fix merge conflict problems",
    /// "Merge conflict broke main.") — not a product that builds or compiles for its users ("Fix slow incremental builds",
    /// "Fix compiling queries that use orderByRaw").</summary>
    public static string? BuildFixOf(string title) =>
        BuildFix().Match(title) is { Success: true } match && !BuildPerformance().IsMatch(match.Value) ? match.Value.Trim() : null;

    /// <summary>Whether a title names a second change beside its first ("fix lint and enable routed API proxy"); the places a
    /// change is made in are one change ("fix: resolve compiler warnings in IO, result handlers, and misc impl").</summary>
    public static bool NamesMore(string title) =>
        SecondChange().IsMatch(PlacesPhrase().Match(title) is { Success: true } places ? title[..places.Index] : title);

    /// <summary>What users must now have to build or run the product, when the title raises it: a language or toolchain
    /// version dropped or made the minimum ("drop support for Python 3.9", "Minimum supported Python version is 3.8",
    /// "Bump MSRV to 1.85", "Bump required cmake version to 3.30.4", "set 1.17 as minimum supported Go version").</summary>
    public static string? SupportFloorOf(string title) =>
        PatternWords.MayMatch(title, SupportFloorWords) && SupportFloor().Match(title) is { Success: true } floor ? floor.Value.Trim() : null;

    /// <summary>Words one of which every match of <see cref="SupportFloor"/> holds.</summary>
    private static readonly SearchValues<string> SupportFloorWords = SearchValues.Create(
        ["drop", "remov", "minimum", "required", "msrv"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The hardware, platform or model family the title confines the change to.</summary>
    public static string? TargetOf(string title) =>
        HardwareTarget().Match(title) is { Success: true } hardware ? hardware.Value
        : ModelFamily().Match(title) is { Success: true } model ? model.Value
        : null;

    /// <summary>A subject that leads with removing what was deprecated: "Remove deprecated `ContextVarChain`.", "remove
    /// long-deprecated methods", "Clean up deprecations in `distributed.deploy`"; not unused code ("remove unused,
    /// deprecated utils") nor a deprecation's marker, warning or test.</summary>
    public static bool RemovesDeprecated(string subject) =>
        PatternWords.MayMatch(subject, DeprecatedWords) && RemovedDeprecated().IsMatch(subject);

    private static readonly SearchValues<string> DeprecatedWords = SearchValues.Create(["deprecat"], StringComparison.OrdinalIgnoreCase);

    /// <summary>"rtmp: drop support", "Remove support for X": a capability users had is gone. Raising a minimum
    /// version ("drop support for &lt; c-ares 1.16.0", "… CMake 3.17 and older") is not a removal of that kind.</summary>
    public static bool RemovesSupport(string title) =>
        SupportRemoval().IsMatch(title) && !MinimumVersion().IsMatch(CommitMessage.WithoutPullRequestNumber(title)) || DeprecatedRemoval().IsMatch(title);

    /// <summary>"chore: update LATEST_PROTOCOL_VERSION to 2025-11-25", "Increment the disk cache schema version": the version
    /// of a protocol, file format or schema every peer or stored file carries moves; the name of that version, or null.</summary>
    public static string? FormatVersionOf(string title) =>
        FormatVersionBump().Match(title) is { Success: true } bump ? bump.Groups["what"].Value : null;

    /// <summary>A Conventional Commits <c>perf:</c> type: with a few lines, a technique ("iterate with for..in", "allocate
    /// lazily"), not a measured speed-up that a title would state ("speed up X", "optimize Y for s390x").</summary>
    public static bool DeclaresPerformance(CommitTraits traits) =>
        IsPerformanceType(traits) && !Complexity().IsMatch(traits.Subject) && !MeasuredSpeed().IsMatch(traits.Subject);

    /// <summary>"avoid O(n^2) body accumulation in the HTTP listener", "strip comments … in linear time", "Improve regex
    /// performance": outside a <c>perf:</c> type, a fix of the cost of handling input is a denial-of-service fix — an
    /// attacker chooses the input.</summary>
    public static string? DenialOfServiceOf(CommitTraits traits, string title) =>
        !IsPerformanceType(traits) && Complexity().Match(title) is { Success: true } match ? match.Value : null;

    private static bool IsPerformanceType(CommitTraits traits) => traits is { Declared: true, WeightKey: "perf" };

    /// <summary>A bound the product now puts on input it parses ("Limit the number of quoted escapes during multipart
    /// parsing", "Add Content-Length size check in Rack::Multipart::Parser", "Enforce client_max_size over entire
    /// multipart form", "Limit number of chunks before pausing reading"), a bypass it closes ("Fix `header_rules`
    /// bypass via URL-encoded paths"), checks that hold under `python -O` ("Replace asserts with exceptions"), or what comes
    /// over the wire now rejected, validated or required ("Reject invalid content-length v1 requests", "Forbid 0x/+/-
    /// prefixes on HTTP chunk sizes", "validate mask length", "Require RSA keys of minimum 2048 bits", "enforce verification
    /// key metadata"): the words, or null. Not decoding, which is a model's in an inference engine.</summary>
    public static string? InputGuardOf(string title) =>
        PatternWords.MayMatch(title, InputGuardWords) && InputGuard().Match(title) is { Success: true } match ? match.Value : null;

    /// <summary>Words one of which every match of <see cref="InputGuard"/> holds: one of each of its alternatives.</summary>
    private static readonly SearchValues<string> InputGuardWords = SearchValues.Create(
        ["limit", "cap", "bound", "enforce", "check", "bypass", "assert", "reject", "forbid", "verif", "validate", "require", "refuse",
         "disallow"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Validation added or tightened, of something or ending the title: "add validation for array type in
    /// load_init_expr", "exec: strengthen -u value validation", "[h2] stricter validation of HTTP/2 trailers", "Tighten delta
    /// validation" — not a validation test, nor a training run's validation loss or split ("add validation and checkpointing").</summary>
    public static bool AddsValidation(string subject) =>
        PatternWords.MayMatch(subject, ValidationWords) && MoreValidation().IsMatch(subject);

    private static readonly SearchValues<string> ValidationWords = SearchValues.Create(["validation"], StringComparison.OrdinalIgnoreCase);

    /// <summary>A missing or extra check or escape added ("Adding missing jsp escapes", "add extra check for metadata
    /// corruption", "upstream: add missing askpass check when using …"): "missing escapes", or null.</summary>
    public static string? MissingCheckOf(string subject) =>
        PatternWords.MayMatch(subject, MissingWords) && MissingCheck().Match(subject) is { Success: true } missing
            ? $"{missing.Groups["which"].Value.ToLowerInvariant()} {missing.Groups["what"].Value.ToLowerInvariant()}"
            : null;

    private static readonly SearchValues<string> MissingWords = SearchValues.Create(["missing", "extra", "additional"], StringComparison.OrdinalIgnoreCase);

    /// <summary>A check put before what trusts the value ("range check dir_ndx before use", "validate array size before
    /// accessing message mode fields", "Validate multirange element count against source length before allocating"):
    /// "check … before use", or null.</summary>
    public static string? CheckBeforeUseOf(string subject) =>
        PatternWords.MayMatch(subject, BeforeWords) && CheckBeforeUse().Match(subject) is { Success: true } check
            ? $"{check.Groups["verb"].Value.ToLowerInvariant()} … before {check.Groups["use"].Value.ToLowerInvariant()}"
            : null;

    private static readonly SearchValues<string> BeforeWords = SearchValues.Create(["before"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The idioms of a security fix that names no danger word: a code-scanning alert fixed, a signature now
    /// validated, a name that "cannot be used to escape" its folder, a size or offset capped to a stated bound ("Cap width
    /// in strftime to 1024 characters", "Bound GGUF tensor data offsets against the file mapping"), entries validated when
    /// an archive is extracted, a size check of what a request carries, randomness taken from a cryptographic source, an
    /// argument that would be "parsed as a CLI flag", an open redirect, a timing attack, a decompression bomb, files left
    /// world-readable, an overflow check or guard added ("add overflow check in strdup/strndup", "guard against overflow
    /// in mi_wcsdup", "Check for overflow on uint16 sizes") or an integer overflow or underflow fixed ("Fix arithmetic overflows in
    /// IUP handling", "in_syslog: fix integer overflow in octet-counting length parser"), a panic or crash on malformed or
    /// crafted input avoided ("fix: avoid panic on malformed tlog entries"), an out-of-bounds access avoided ("snappy: read frame
    /// length as 3 bytes to avoid OOB at boundary", "Avoid reading outside activity_mem"), a recursion depth guard, descriptors closed on exec so spawned
    /// programs cannot inherit them ("sitnl: set FD_CLOEXEC on socket to prevent abuse"), a TLS peer's host name or
    /// certificate verification fixed or enforced ("Fix host name verification in `SSLSocketManager`"), a limit on
    /// what decompression produces ("zstd: add 100 MB decompression size limit"), code evaluation or pickle dropped for
    /// input ("Replace eval() with get_attr()", "states are serialized with json, not pickle"), what a deserializer reads rejected, bounded or validated ("Reject
    /// nbits==0 ProductQuantizer on deserialization"), a check that fails closed ("fail closed when a string contains a NUL
    /// byte"), a recursion depth limited ("restrict inline footnote recursion depth"), secrets zeroized ("Zeroize the cached PBE
    /// password"), a count or length an input parser trusts bounded ("Bound cut frame indices in MD5 camera loader", "cap simple
    /// string length in RedisReply::ConsumePartialIOBuf"), a path canonicalised before it is checked or a ".." refused ("Canonicalize config_dir before comparing with the
    /// config file location", "use canonicalized path if user path contains \"..\""), a title that leads with "refuse"
    /// ("Refuse a duplicate dirlist."), control characters checked, masked or rejected where input is read ("webapisrv: check for
    /// control characters (like cr/lf) in content-type and content-id headers", "sideband: mask control characters"): the words, or null.</summary>
    public static string? HardeningPhraseOf(string title) =>
        PatternWords.MayMatch(title, HardeningWords) && HardeningPhrase().Match(title) is { Success: true } match ? match.Value : null;

    /// <summary>Words one of which every match of <see cref="HardeningPhrase"/> holds: one of each of its alternatives.</summary>
    private static readonly SearchValues<string> HardeningWords = SearchValues.Create(
        ["alert", "signature", "escape", "bound", "cap", "clamp", "extract", "unpack", "unzip", "untar", "size", "length", "random",
         "flag", "option", "switch", "redirect", "constant", "timing", "bomb", "readable", "writable", "writeable", "flow",
         "malformed", "crafted", "untrusted", "oob", "outside", "past", "beyond", "recursion", "exec", "verification", "validation",
         "eval(", "pickle", "unsafe", "decompress", "deserializ", "closed", "canonicali", "\"..\"", "'..'", "`..`", "refuse", "control char", "offset", "indices", "count", "zeroi"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>"MQTT password exposed in JWT", "stop logging the API key": a credential the product exposed (a log, an
    /// output, a token) — the words of the exposure, or null.</summary>
    public static string? CredentialExposureOf(string title) =>
        CredentialExposure().Match(title) is { Success: true } match ? match.Value : null;

    /// <summary>"require sys permission for umask", "require auth for coverage report", "Message tracing requires client
    /// publish permission", "Restrict full web console URI to admins role", "Lock down tuner API to be admin-only", "Only apply ETag
    /// header for documents after authentication has passed", "Fix admin API not applying sufficient page permission checks":
    /// access the product now checks where it did not —
    /// the words of the requirement, or null.</summary>
    public static string? AccessRequirementOf(string title) =>
        AccessRequirement().Match(title) is { Success: true } match ? match.Value : null;

    /// <summary>A severe danger a body names, not as the conventional scope it is the name of ("fix(vulnerabilities): …"
    /// is a module): a denial of service, a vulnerability, a use after free or double free, an escalation of privilege or
    /// an execution of code, an injection ("may be vulnerable to command injection"), or a fix it calls a security fix or
    /// hardening ("Meant as security hardening."), or an attack it prevents ("set ReadHeaderTimeout to 60s … to prevent slow
    /// header attacks", "protection against decompression bomb attacks").</summary>
    public static string? SevereDangerIn(string body, string? scope)
    {
        // "This is **not** a security fix.", "fixed as a non-security bug": a danger the body denies is none.
        var match = PatternWords.MayMatch(body, SevereDangerWords) ? SevereDanger().Match(body) : Match.Empty;
        while (match.Success && Denies(body, match.Index))
        {
            match = match.NextMatch();
        }
        return match.Success && !(scope is not null && scope.Contains(match.Value[..Math.Min(match.Value.Length, 8)], StringComparison.OrdinalIgnoreCase))
            ? match.Value
            : null;
    }

    /// <summary>Words one of which every match of <see cref="SevereDanger"/> holds: one of each of its alternatives.</summary>
    private static readonly SearchValues<string> SevereDangerWords = SearchValues.Create(
        ["denial", "dos", "vulnerab", "free", "privilege", "execution", "injection", "security", "attack"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the words just before <paramref name="index"/> deny what stands there ("This is **not** a security
    /// fix", "fixed as a non-security bug").</summary>
    public static bool Denies(string text, int index) =>
        Negation().IsMatch(text.AsSpan(Math.Max(0, index - NegationReach), Math.Min(index, NegationReach)));

    /// <summary>How far before a danger a denial of it reaches ("is not a", "was never a").</summary>
    private const int NegationReach = 16;

    /// <summary>A fix credited to a reporter ("Reported by …", "Reported-by:") whose title or body lead names a matter of
    /// access control — a user name, a password or credential, authentication, authorization, a permission or privilege,
    /// setuid bits, an allowlist: the way a security fix is written where the project never says "security" ("properly
    /// bail out when PAM changes username", "add missing askpass check when using ControlMaster=ask").</summary>
    public static string? ReportedAccessFlawIn(string title, string bodyLead)
    {
        if (!ReportedBy().IsMatch(bodyLead))
        {
            return null;
        }
        var match = AccessControl().Match(title);
        if (!match.Success)
        {
            match = AccessControl().Match(bodyLead);
        }
        return match.Success ? $"reported … {match.Value}" : null;
    }

    /// <summary>"Merge commit from fork": GitHub's title for merging the private fork of a security advisory, with the
    /// pull request's number when squashed ("Merge commit from fork (#15611)").</summary>
    public static bool IsAdvisoryMerge(string title) => AdvisoryMerge().IsMatch(title);

    /// <summary>"Add cross-platform telemetry to the compiled library (opt-out)": data the product now collects from
    /// everyone unless they opt out is a default that changed for every user.</summary>
    public static bool CollectsByDefault(string title) => CollectionByDefault().IsMatch(title);

    [GeneratedRegex(@"^\s*Merge commit from fork(\s*\(#\d+\))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AdvisoryMerge();

    [GeneratedRegex(@"^\s*(\w+(\([^)]*\))?:\s*)?(add|adds|added|enable|enables|collect|collects|introduce|send|sends)\b.{0,60}\b(telemetry|analytics|usage (data|statistics|reporting))\b.{0,60}\b(opt[- ]out|on by default|enabled by default)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CollectionByDefault();

    /// <summary>"This protects the user against zip bombs": the body names what the change protects against.</summary>
    public static string? ProtectionIn(string body) => ProtectsAgainst().Match(body) is { Success: true } match ? match.Value : null;

    [GeneratedRegex(@"^\s*(?<verb>inline|extract|consolidate|rename|re-?format|format|modernize|modernise|simplif(y|ies|ied)|reuse|dedup(e|licate)?|de-duplicate|tidy|polish(es|ed|ing)?|restructure|reorgani[sz]e|refactor(ed|ing|s)?|clean ?up|unify|streamline|remove (unused|dead|redundant|unnecessary|duplicated?)|factor(s|ed)?( out)?|libif(y|ies|ied)|(move[sd]?|split)(?=\b.{0,60}\b(into|to|out of)\s+(its own|their own|a separate|separate|a dedicated|dedicated)\b)|(move[sd]?|migrate[sd]?)(?=\s+(?!to\b)\S.{0,80}?\bto\s+(the\s+)?[`'\w.:/-]+\s+(module|package|crate|namespace)\b)|(remove|drop)(?=\s+(the\s+)?(unused\s+|unnecessary\s+)?[`'\w.@/-]+\s+(dependency|dependencies|dep|deps)(\s+in favou?r of\s+\S+)?\s*(\(#\d+\))?\s*$))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RefactorVerb();

    [GeneratedRegex(@"\bto (support|handle|fix|allow|enable|make|add)\b|\bso (that|it)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PurposeClause();

    [GeneratedRegex(@"^(\[[^\]]*\]\s*)?(lint|lints|linter|linting|clippy|clang-tidy|pylint)(\([^)]*\))?!?:\s|\b(fix(es|ed)?|silenc(e|es|ed|ing)|address(es|ed)?|resolv(e|es|ed))\b(?!\().{0,40}\b(offen[cs]es|lint(s|er|ers|ing)?(?!/)|clippy|static[- ]analysis|cppcheck|pylint|mypy|flake8|eslint|pyright|staticcheck|go vet|golangci-lint|ruff|psalm|phpstan|shellcheck|spotless|checkstyle|prettier|codespell|rubocop|ktlint|detekt|swiftlint|stylelint|rustfmt|gofmt|unused (var|variable|import|function)s?|dead[_ ]code|(code|coding) ?style|(?-i:CS)(/(?-i:WS))?|deprecat\w* warnings?|compiler warnings?|(\w+ ){0,3}(conversion|cast|sign|format|type|build|gcc|clang|msvc|analy[sz]er) warnings?|(some|all|a few|several|the) warnings)\b|^([\w./-]+(\([^)]*\))?!?:\s*)*(remov(e|es|ed)|delet(e|es|ed)|drop(s|ped)?|clean(s|ed)? ?up|purg(e|es|ed))\s+(\w+\s+){0,2}?(unused|dead)\b(?!.{0,40}\b(functionality|features?|support)\b)|\bclippy::|^\s*([\w./-]+(\([^)]*\))?!?:\s*)*(lint|linter|clippy|eslint|mypy|ruff|pylint)\s+(warnings?|errors?|issues?)\b|^\s*([\w./-]+(\([^)]*\))?!?:\s*)*unused (imports?|variables?|vars?)\b(?!.{0,30}\b(detection|rule|lint|check)s?\b)|\bfix(es|ed)?\s+([\w:]+\s+)?debugging\b|\bfix(es|ed)?:?\s+(the\s+)?(code\s+)?(style|formatting)(\s+(issues?|errors?|nits?|problems?))?\s*(\(#\d+\))?\s*$|\bpre-commit\b(?!\s+(support|integration|hooks? (support|for users)))|^(\[[^\]]*\]\s*)?([\w./-]+(\([^)]*\))?!?:\s*)?(code\s+(clean ?ups?|clean-ups?|quality(?!\s*:)|tidy(-?ups?)?)|clean(ed)?\s?up\s+(the\s+)?code|clean\s+code|clear\s+code|tidy\s+(up\s+)?(the\s+)?code)\b|^(\[[^\]]*\]\s*)?([\w./-]+(\([^)]*\))?!?:\s*)?((enable|enables|enforce|enforces|apply|applies|adopt|adopts|add|adds)\b.{0,40}\b(ruff|eslint|pylint|flake8|prettier|golangci-lint|rubocop|biome|clippy|mypy|pyright|shellcheck|codespell|stylelint|ktlint|checkstyle|spotless)\b.{0,40}\b(rules?|checks?|config|configuration|plugins?|lints?|linter)\b|.{0,30}\b(switch|switched|move|moved|migrate|migrated)\s+to\s+(ruff|eslint|biome|prettier|black)\b|replace\s+\S+\s+with\s+(ruff|eslint|biome|prettier|black)\b|(enable|enables|enforce|enforces|apply|applies|adopt|adopts)\b.{0,30}\b(ruff|eslint|pylint|flake8|prettier|golangci-lint|rubocop|biome|clippy|mypy)\b)|\b(remov(e|es|ed|ing)|drop(s|ped)?)\b.{0,50}\bnoqa\b|\b(fix(es|ed)?|silenc(e|es|ed|ing)|address(es|ed)?)\b.{0,40}(?<![\w-])-W[a-z][\w=-]*|\b(fix(es|ed)?|resolv(e|es|ed)|avoid(s|ed)?|quiet(s|ed)?|suppress(es|ed)?|squash(es|ed)?|work(s|ed)? around|get rid of|remov(e|es|ed)|eliminat(e|es|ed))\b(?![(:!])(?!.{0,50}\b(allow|let|flush|emit|show|print|surface|raise)\w*\b.{0,20}\bwarnings?\b).{0,50}\bwarnings?\b(?!\s+(printed|shown|emitted|displayed|logged|raised|when|if)\b)(?!.{0,30}\b(is|are) (deprecated|shown|printed|emitted))|^(\[[^\]]*\]\s*)?([\w./-]+(\([^)]*\))?!?:\s*)?(hopefully\s+)?(make|makes|made|keep|keeps)\s+(the\s+)?[\w.+-]+(\s+[\w.+-]+)?\s+happy(\s+again)?\s*(\(#\d+\))?\s*$|\b(satisf(y|ies|ied)|appeas(e|es|ed)|please)\s+(the\s+)?(\w+\s+)?(lints?|linters?|formatter|mypy|ruff|clippy|codeql|static analy\w+|type[- ]?checkers?|spell ?checker|compiler|tsc|rustfmt|staticcheck|gocritic)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LintFix();

    [GeneratedRegex(@"^\s*(\w+(\([^)]*\))?:\s*)?(add|adds|added|update|updates|updated|fix|fixes|fixed|correct|unify|bump|missing)\b.{0,30}\b(licen[cs]e|copyright|spdx)[- ](headers?|notices?|identifiers?|years?|dates?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderChore();

    [GeneratedRegex(@"^\s*(\[[^\]]{1,40}\]\s*)*(\w+(\([^)]*\))?\s?:\s*)?(fix|fixes|fixed|repair|unbreak)\b:?\s+(the\s+)?([\w./+#-]+\s+){0,3}?(build|builds|compilation|build failures?|compile errors?|compilation errors?|cmake)\b|\bmerge (conflicts?|issues?|problems?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BuildFix();

    [GeneratedRegex(@"\b(slow|slower|fast|faster|incremental|performance|speed|hot)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BuildPerformance();

    [GeneratedRegex(@"\s(and|&|\+)\s+\w|,\s*\w+", RegexOptions.CultureInvariant)]
    private static partial Regex SecondChange();

    [GeneratedRegex(@"\s(in|across|throughout)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlacesPhrase();

    private const string TypingVerbs = @"\b(fix|fixes|fixed|correct|corrects|corrected|clean ?up|cleans up|cleaned up|improve|improves|relax|relaxes|tighten|tightens|narrow|narrows|refine|refines|update|updates|updated|moderni[sz]e|moderni[sz]es|moderni[sz]ed|rewrite|rewrites|add|adds|added|new|replace|replaces|replaced|convert|converts|converted|migrate|migrates|migrated)\b.{0,60}";

    // What may follow the typing: a place or a purpose ("in FSDP strategies", "by context"), the pull request's number.
    private const string TypingTail = @"(\s+again)?(\s+(in|of|for|by|on|to|with)\b[^,;]*)?\s*(\(#\d+\))?\s*$";

    [GeneratedRegex(@"(?:" + TypingVerbs + @"\b(typing( imports?| module hints?| hints?)?|typings|type[- ]hints?|type annotations?|type comments?|type issues?|type stubs?)\b|\b(add|adds|added|update|updates|updated)\s+([\w`@-]+\s+){0,2}?annotations\b)" + TypingTail, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypingFix();

    [GeneratedRegex(@"\b(mypy|pyright|pyrefly|pytype|type[- ]?checkers?|typecheck(er|ers|ing)?|strict concurrency)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypeChecker();

    [GeneratedRegex(TypingVerbs + @"\btypes?\b" + TypingTail, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypeFix();

    [GeneratedRegex(@"^test\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedTestArea();

    [GeneratedRegex(@"\b(drop(s|ped|ping)?|remov(e|es|ed|ing))\b( (the )?support (for )?| )(python|py|node(\.?js)?|go|golang|ruby|php|rust|cmake|gcc|clang|msvc|jdk|java)\s*v?\d[\d.]*(?!.{0,20}\bfrom (the )?(dockerfile|docker|tox|ci|tests?|matrix|workflows?)\b)|\b(minimum|required)\b( supported)? (python|node|go|rust|cmake|gcc|clang|jdk|java) version\b.{0,20}\d[\d.]*|\bbump(s|ed)?( the)? (msrv|minimum (supported )?(python|node|go|rust|cmake) version)\b.{0,20}\d[\d.]*|\bv?\d[\d.]* as (the )?minimum supported (python|node|go|rust|cmake) version\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupportFloor();

    [GeneratedRegex(@"^tests?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TestsSubject();

    [GeneratedRegex(@"^\s*((add|adds|added|more|less|improve[sd]?|fix|fixes|fixed|update[sd]?|extend(s|ed)?|expand(s|ed)?|simplif(y|ies|ied)|clean ?up|refactor(s|ed)?)\s+)?(?!.*\b(and|&)\b)([\w-]+\s+){0,2}?(tests|testing|test cases|unit ?tests)\s*(\(#\d+\))?\s*\.?$|^(?!.*\b(and|&)\b)\s*(\[[^\]]*\]\s*)?([\w./-]+:\s*)?(add|adds|added|more|improve[sd]?|better|extend(s|ed)?|expand(s|ed)?|write|wrote)\s+(\w+\s+){0,3}?(tests?|test ?cases?|unit ?tests?|regression tests?|integration tests?|e2e tests?)\s+(for|of|on|to|covering|that|around|in|with)\b|^(?!.*\b(and|&)\b)\s*(\[[^\]]*\]\s*)*([\w./-]+:\s*)?(add|adds|added|adding|write|wrote)\s+(an?\s+|the\s+)?([\w`./-]+\s+){0,3}?(smoke|chaos|e2e|end-to-end|unit|integration|regression|fuzz|stress|snapshot|sanity)\s+tests?\s*(\(#\d+\))?\s*\.?$|^\s*(\[[^\]]*\]\s*)*((more|new|unit|integration|e2e)\s+)?tests\s+(for|of|covering)\b|^\s*(add|adds|added|adding|improve[sd]?|increase[sd]?)\s+(more\s+)?(unit\s+)?test\s+coverage\b|^\s*(add|adds|added|adding)\s+test_\w+\s*(\(#\d+\))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TestsObject();

    [GeneratedRegex(@"O\(n(\^?2|²|\s*\*\s*n| log n)?\)|\bquadratic\b|\blinear time\b|\bexponential (?:time|blow-?ups?|growth|complexity|memory|runtime|slowdowns?)\b|\bcatastrophic\b|\bbacktracking\b|\bredos\b|\bregexp? performance\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Complexity();

    [GeneratedRegex(@"\b(limit|limits|cap|caps|bound|enforce|enforces)\b.{0,40}\b(pars(e|es|ing|er)|multipart|chunks|form data|request bod(y|ies)|byte ranges)\b|\b(add|adds|added)\b.{0,30}\b(size|length|count|depth) (checks?|limits?)\b.{0,40}\b(pars(er|ing)|multipart)\b|\b(fix|fixes|fixed|prevent|prevents|close|closes)\b.{0,60}\bbypass(es)?\b|\breplac(e|es|ed|ing)\s+(\w+\s+)?asserts?( statements)?\s+with\s+(\w+\s+)?(exceptions|errors|checks|raises)\b|\b(reject|rejects|forbid|forbids|enforce|enforces|verify|verifies|validate|validates|require|refuse|refuses|disallow|disallows)\b(?!\)).{0,50}\b(requests?|(pseudo-)?headers?|chunks?|chunk sizes?|content-length|transfer-encoding|payloads?|frames?|masks?|origins?|uris?|cookies?|(rsa|ec|verification|signing|public|private) keys?|jwks?|certificates?|ech config(s| contents|lists?)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InputGuard();

    [GeneratedRegex(@"\b(code[- ]scanning|codeql)\b.{0,20}\balerts?\b|\b(validat\w*|verif\w*)\b.{0,30}\bsignatures?\b|\bsignatures?\b.{0,20}\b(validation|verification)\b|\b(cannot|can't|can ?not|could not|never|unable to)\b.{0,30}\bescape\b|^\s*(\[[^\]]*\]\s*)*([\w./-]+:\s*)?(bound|bounds|cap|caps|clamp|clamps)\b.{0,40}\b(offsets?|lengths?|width|sizes?|indices|depth|count)\b.{0,30}\b(to \d+ ?(characters|chars|bytes|[kmg]i?b)\b|against the (\w+ )?(file|buffer|mapping|input|data)\b)|\b(validat\w*|check\w*|sanitiz\w*|verif\w*)\b.{0,40}\b(extract\w*|unpack\w*|unzip\w*|untar\w*)\b|\b(input|request|payload|body|message|frame|header)s? (size|length) (validation|checks?|limits?)\b|random\w*\b.{0,30}\bcrypto\w*|\b(crypto\w*|secure|cryptographically)\b.{0,20}\brandom\w*|\b(parsed|interpreted|treated) as an? (cli |command[- ]line )?(flag|option|switch)\b|\bopen redirects?\b|\b(constant[- ]time|timing (attack|side[- ]channel)s?)\b|\b(zip|decompression) bombs?\b|\b(world|group|other)[- ](readable|writable|writeable)\b|\boverflow (checks?|guards?|patch)\b|\b(check|guard)(s|ed|ing)? (for |against )?((integer|size|length) )?(overflows?|underflows?)\b|\b(integer|int|arithmetic|multiplication|size|length)[- ](overflow|underflow)s?\b(?! warnings?\b)|\b(malformed|crafted|untrusted)\b.{0,40}\b(panics?|crash(es)?|segfaults?|aborts?)\b|\b(avoid|avoids|avoiding|prevent|prevents|stop|stops)\b.{0,20}\b((?-i:OOB)|out[- ]of[- ]bounds|(reading|writing) (outside|past|beyond))\b|\b(max(imum)? )?recursion depth (guards?|limits?|checks?)\b|\b((O|FD|SOCK)_)?CLOEXEC\b|\bclose[- ]on[- ]exec\b|\b(fix|fixes|fixed|enable|enables|enforce|enforces|add|adds|restore|restores|require|requires)\b.{0,20}\b(host ?name|certificate|TLS|SSL|peer) (verification|validation)\b|\b(not|no longer|instead of|replac(e|es|ed|ing)|remov(e|es|ed|ing)|avoid(s|ed|ing)?|drop(s|ped|ping)?)\b.{0,30}(\b(eval|exec)\(\)|\bpickle\b|\bunsafe (torch\.load|yaml\.load)\b)|\bdecompress\w* (size )?(limits?|caps?|bounds?)\b|\b(panics?|crash(es)?|segfaults?|aborts?)\b.{0,40}\b(on|from|with|for) (a |an )?(malformed|crafted|untrusted)\b|\b(reject\w*|bound\w*|validat\w*|check\w*|limit\w*|cap|caps|capped)\b.{0,60}\bdeserializ\w*|\bfail(s|ing)?[- ]closed\b|\bcanonicali[sz]\w*\b.{0,60}\b(before (compar\w*|check\w*)|ensur\w*\b.{0,30}\b(descend\w*|within|inside))\b|\b(canonicali[sz]\w*|reject\w*|refus\w*|disallow\w*|forbid\w*|block\w*|deny|denies|strip\w*)\b.{0,60}[""'`]\.\.[""'`]|^\s*(\[[^\]]*\]\s*)*([\w./-]+:\s*)?refuses?\b|\b(check\w*|reject\w*|refus\w*|validat\w*|mask\w*|strip\w*|escap\w*|sanitiz\w*|filter\w*|forbid\w*|disallow\w*)\b.{0,30}\bcontrol char(acter)?s\b|\b(limit|limits|restrict|restricts|restricted|cap|caps|capped|bound|bounds|enforce[sd]?)\b.{0,40}\brecursion (depth|limit)\b|\brecursion limit\b|\bzeroi[sz](e|es|ed|ing)\b|^\s*(\[[^\]]*\]\s*)*([\w./-]+:\s*)?(bound|bounds|cap|caps|clamp|clamps|limit|limits)\b.{0,40}\b(offsets?|lengths?|sizes?|indices|counts?)\s+((in|of|to)\s+(the\s+)?(\S+\s+){0,3}(loader|parser|reader|decoder|importer|deserializer|payload|input)\b|in\s+\w+(::|\.)\w+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HardeningPhrase();

    [GeneratedRegex(@"\b(?<verb>check|checks|validate|validates|verify|verifies)\b.{1,60}?\bbefore (?<use>use|using|accessing|access|reading|dereferencing|indexing|copying|allocating|allocation|parsing|writing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CheckBeforeUse();

    [GeneratedRegex(@"\b(add|adds|added|extra|stricter|strengthen|strengthens|tighten|tightens|tightened)\b(\s+[\w-]+){0,2}?\s+validation(\s+(for|of|to|in|on)\b|\s*(\(#\d+\))?\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreValidation();

    [GeneratedRegex(@"\b(add|adds|added|adding)\s+(?<which>missing|extra|additional)(\s+(?!(for|the|to|of|in|on|about)\b)\S+){0,3}?\s+(?<what>checks?|escapes|escaping|validity checks?|sanitization|sanitisation)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MissingCheck();

    [GeneratedRegex(@"\b(optimi[sz]e[sd]?|faster|speed(s|ed)? up|linear|\d+(\.\d+)?x)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeasuredSpeed();

    [GeneratedRegex(@"\b(ampere|hopper|blackwell|sm_?\d{2,3}a?|rocm|amd|mi\d{3}x?|intel|xpu|npu|ascend|gaudi|hpu|vulkan|sycl|opencl|webgpu|cann|musa|powerpc|ppc64(le)?|s390x?|riscv(64)?|loongarch(64)?|aarch64|arm64|armv[5-9]\w*|cortex-[amr]\d+|neon|sve2?|avx(2|512\w*)?|rdna\d?|turing|volta|igpus?|32-bit|windows|wsl|macos|freebsd|openbsd|android)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HardwareTarget();

    [GeneratedRegex(@"\b(llama[-\s]?\d[\w.-]*|qwen[\d.]*[\w.-]*|deepseek[\w.-]*|mixtral|gemma[\d.]+\w*|phi-?\d[\w.]*|baichuan[\w.-]*|glm-?\d[\w.-]*|internlm[\w.-]*|internvl[\w.-]*|gpt-oss|kimi-?k?\d[\w.-]*|minimax[\w.-]*|granite-?\d[\w.-]*|llava[\w.-]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ModelFamily();

    /// <summary>Secrets a product may expose, as a regex alternation.</summary>
    private const string Credentials = @"passwords?|credentials?|secrets?|private keys?|api[ _-]?keys?";

    /// <summary>Words of access control, as a regex alternation.</summary>
    private const string AccessWords = @"permissions?|authenticat(e|es|ed|ion|ing)|authori[sz](e|es|ed|ation|ing)|auth|privileges?|credentials?";

    [GeneratedRegex(@"\b(" + Credentials + @"|(auth|access) tokens?)\b.{0,40}\b(expos(ed|es|ure|ing)|leak(s|ed|ing)?|disclos(ed|es|ure)|in (the )?logs?|(in )?plain-?text|clear-?text)\b|\b(expos(e|es|ed|ing)|leak(s|ed|ing)?|logg?(s|ed|ing)?|print(s|ed|ing)?|disclos(e|es|ed|ing))\b.{0,30}\b(" + Credentials + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialExposure();

    [GeneratedRegex(@"\brequir(e|es|ed|ing)\b.{0,40}\b(" + AccessWords + @")\b|\bcheck(s|ed|ing)?\b.{0,30}\bpermissions?\b(?!.{0,30}\b(tests?|specs?)\b)|\brestrict(s|ed|ing)?\b.{0,40}\bto (the )?(admins?|administrators?|([\w-]+ )?roles?|authenticated( users)?|authori[sz]ed( users)?|owners?|privileged( users)?)\b|\b(admins?|administrators?)[- ]only\b|\bafter (the )?(authentication|authori[sz]ation)\b|\b(permission|authori[sz]ation|access|privilege) checks?\b(?!.{0,30}\b(tests?|specs?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccessRequirement();

    [GeneratedRegex(@"\breported[- ]by\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportedBy();

    [GeneratedRegex(@"\b(user ?names?|askpass|PAM|setuid|setgid|allowlists?|denylists?|passwords?|" + AccessWords + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccessControl();

    [GeneratedRegex(@"\b(denial[- ]of[- ]service|(?-i:DoS)|vulnerabilit(y|ies)|use[- ]after[- ]free|double[- ]free|privilege escalation|(remote|arbitrary) code execution|vulnerable to \w+( \w+)?|(command|shell|SQL|code|script|header|CRLF|HTML|template) injection|security[- ](fix(es)?|hardening|issues?|flaws?|bugs?|patch(es)?|holes?)|(prevent(s|ing)?|mitigat(e|es|ing)|block(s|ing)?|against|avoid(s|ing)?) (\w+[- ]){0,3}attacks?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SevereDanger();

    [GeneratedRegex(@"\b(not|no|non|never|isn't|wasn't|aren't|without)\b[\W_]*(\w+[\W_]+)?[\W_]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\b(bump|rais|increment|updat|chang|mov|set|introduc|new)\w*\b[^.\n]{0,60}?\b(?<what>([a-z]+_)*protocol_version|(protocol|wire|file[ -]format|format|on-disk|storage|schema)[ _-]version)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormatVersionBump();

    [GeneratedRegex(@"\b(drop(s|ped|ping)?|remov(e|es|ed|ing))( the)? support\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupportRemoval();

    [GeneratedRegex(@"[<≤]|\d|\b(older|legacy|earlier|below|before|prior)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MinimumVersion();

    /// <summary>"remove all functionality deprecated in PyO3 0.23", "Delete all deprecated load_* methods", "remove previously
    /// deprecated code": what users were told would go, gone (the version is the deprecation's, no minimum).</summary>
    [GeneratedRegex(@"\b(drop(s|ped|ping)?|remov(e|es|ed|ing)|delet(e|es|ed|ing))\b.{0,40}\bdeprecated\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeprecatedRemoval();

    [GeneratedRegex(@"^(remov(e|es|ed|ing)|drop(s|ped|ping)?|delet(e|es|ed|ing)|clean(s|ed|ing)?[ -]?up|cleanup)\b(?!.{0,40}\bunused\b).{0,40}\b(deprecated|deprecations)\b(?!\s+(markers?|warnings?|notices?|tests?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemovedDeprecated();

    [GeneratedRegex(@"\bprotect(s|ed|ing)?( \w+){0,3} against\W{1,3}\w+( \w+){0,2}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProtectsAgainst();
}
