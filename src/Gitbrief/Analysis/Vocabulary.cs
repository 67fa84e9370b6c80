namespace Gitbrief.Analysis;

/// <summary>The words the importance signals look for, matched against the lower-cased words of a message (one pass
/// over the text, set look-ups; no regular expression on the hot path).</summary>
internal static class Vocabulary
{
    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);

    /// <summary>Memory-safety problems: a danger a protection guards against, a severe and critical fix in the title, and
    /// the words of a fix's body that tell one (<see cref="MemorySafety"/>).</summary>
    private static readonly string[] MemorySafetyWords =
        ["use-after-free", "uaf", "double-free", "overrun", "overruns", "out-of-bounds", "uninitialized", "uninitialised"];

    /// <summary>Verbs of protection: the commit makes the product refuse, clean or confine something.</summary>
    public static readonly HashSet<string> Protective = Set(
        "reject", "rejects", "rejected", "rejecting", "refuse", "refuses", "disallow", "disallows", "forbid", "forbids", "deny", "denies",
        "block", "blocks", "sanitize", "sanitizes", "sanitise", "escape", "escapes", "escaping", "sandbox", "sandboxed", "sandboxing",
        "restrict", "restricts", "harden", "hardens", "hardening", "redact", "redacts", "redaction", "mask", "masks", "validate", "validates",
        "verify", "verifies", "enforce", "enforces", "prevent", "prevents", "limit", "limits", "contain", "confine", "stop", "stops",
        "strip", "strips", "quote", "quotes", "prevention", "protect", "protects", "protection", "revoke", "revokes", "revoking");

    /// <summary>What protection is about: untrusted input, secrets, escaping the allowed area.</summary>
    public static readonly HashSet<string> Danger = Set([.. MemorySafetyWords,
        "untrusted", "unsafe", "malicious", "attacker", "arbitrary", "traversal", "symlink", "symlinks", "outside", "escape", "absolute",
        "reserved", "weak", "insecure", "credential", "credentials", "token", "tokens", "secret", "secrets", "password", "passwords",
        "injection", "xss", "csrf", "ssrf", "xxe", "rce", "bypass", "exploit", "vulnerability", "vulnerable", "cve", "ghsa", "permissions",
        "privilege", "privileges", "privileged", "unprivileged", "lower-privileged", "low-privileged", "non-privileged", "spoofing", "spoof", "tampering", "tamper", "tampered", "overflow", "overflows", "zip-slip", "zipslip", "hash", "hashes", "md5", "sha1",
        "guest", "safety", "malformed", "integrity", "out-of-bounds", "oob", "traverse", "sibling", "forged", "replay", "downgrade",
        "unauthenticated", "unauthorized", "injections", "html", "links", "javascript", "script", "dos", "header", "headers",
        "trusted", "trusting", "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "cookie", "cookies",
        "unbounded", "oversized", "exhaustion", "corrupt", "corrupted", "hijack", "hijacks", "hijacked", "hijacking"]);

    /// <summary>Verbs that protect by taking something away or narrowing it ("drop the trusted proxy header", "no longer
    /// trust …", "only accept …"): protective only with a danger of <see cref="RemovedDanger"/> in the title, since removing
    /// code is what most commits do.</summary>
    public static readonly HashSet<string> Removal = Set(
        "drop", "drops", "dropped", "dropping", "remove", "removes", "removed", "removing", "disable", "disables", "disabled", "disabling",
        "ignore", "ignores", "ignoring", "distrust", "narrow", "narrows", "tighten", "tightens", "avoid", "avoids");

    /// <summary>Verbs after "only" that narrow what is accepted ("only accept signed archives").</summary>
    public static readonly HashSet<string> Narrowed = Set("allow", "allows", "accept", "accepts", "permit", "permits", "trust", "trusts");

    /// <summary>What a removal or restriction in a title protects: trust given to input, secrets, privileges.</summary>
    public static readonly HashSet<string> RemovedDanger = Set(
        "trusted", "trust", "trusting", "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "cookie",
        "cookies", "authorization", "credential", "credentials", "secret", "secrets", "password", "passwords", "privilege", "privileges",
        "untrusted", "unsafe", "insecure", "arbitrary", "unauthenticated", "bypass", "injection", "injections", "attacker", "malicious");

    /// <summary>Dangers that count only in a title ("stop rendering HTML links"): a body names markup and scripts for
    /// many other reasons (a template file, a build script).</summary>
    public static readonly HashSet<string> TitleOnlyDanger = Set("html", "links", "javascript", "script");

    /// <summary>Words that alone say the commit is about security.</summary>
    public static readonly HashSet<string> SecurityNouns = Set(
        "security", "vulnerability", "vulnerabilities", "cve", "ghsa", "xss", "csrf", "ssrf", "xxe", "rce",
        "unescaped", "unsanitized", "unsanitised",
        "exploit", "sandbox", "sandboxing", "hardening", "harden");

    /// <summary>What a severe fix repairs: crashes, wrong results, lost data.</summary>
    public static readonly HashSet<string> Severe = Set([.. MemorySafetyWords,
        "crash", "crashes", "crashing", "segfault", "segfaults", "sigsegv", "abort", "aborts", "wrong", "incorrect", "oob",
        "overflow", "overflows", "underflow", "illegal", "corrupt", "corrupted", "corruption", "nan", "nans", "accuracy", "precision", "deadlock", "deadlocks", "hang", "hangs", "race",
        "leak", "leaks", "oom", "regression", "data-loss", "loss", "miscompile", "miscompilation", "garbage", "mismatch", "broken",
        "stale", "incorrectly", "wrongly", "correctly", "stuck", "infinite", "truncated", "truncation", "truncates",
        "hanging", "deadlocked", "corrupts", "corrupting", "crashed", "off-by-one", "inaccurate", "miscalculated", "miscomputed",
        "miscalculation"]);

    /// <summary>Verbs by which a title reports what the code gives back: "returns wrong …", "produces incorrect …".</summary>
    public static readonly HashSet<string> ResultVerbs = Set(
        "return", "returns", "returned", "returning", "produce", "produces", "produced", "yield", "yields", "compute", "computes",
        "computed", "give", "gives");

    /// <summary>The severe problems no one may miss: a memory error (out of bounds, overrun, use after free, uninitialised
    /// memory read) or lost data. A fix of one is never held back by the day's cap on soft highs. A crash, hang, deadlock or
    /// corruption is severe, not critical: 19 of 22 such core fixes were labelled medium over the blind sets.</summary>
    public static readonly HashSet<string> Critical = Set([.. MemorySafetyWords.Except(["uninitialized", "uninitialised"]), UninitialisedMemory, "oob", "data-loss"]);

    /// <summary>Memory read before it was written ("Fixed uninitialized memory read"): critical, where an uninitialised
    /// field or variable alone ("Fix msan error, uninitialized model_training") is severe — 4 of 5 such fixes were labelled
    /// medium.</summary>
    public const string UninitialisedMemory = "uninitialized memory";

    /// <summary>Words in a body that say the change is about security even when the title does not.</summary>
    public static readonly HashSet<string> StrongDanger = Set(
        "bypass", "traversal", "traverse", "injection", "vulnerability", "vulnerable", "cve", "exploit", "xss", "csrf", "ssrf", "rce",
        "attacker", "malicious", "untrusted", "tampering", "secrets", "credentials", "guest", "crafted");

    /// <summary>The stems of <see cref="StrongDanger"/>'s words in their other forms ("credential-bearing", "bypassing",
    /// "backdoored", "vulnerabilities").</summary>
    private static readonly string[] StrongDangerStems = ["credential", "bypass", "backdoor", "exploit", "vulnerab", "attacker", "malicious", "tamper", "spoof", "hijack"];

    /// <summary>A word that says security in any text: <see cref="StrongDanger"/>, a memory-safety problem, or a form of one
    /// of their stems.</summary>
    public static bool IsUnmistakableDanger(string word) =>
        StrongDanger.Contains(word) || MemorySafety.Contains(word) || StrongDangerStems.Any(stem => word.StartsWith(stem, StringComparison.Ordinal));

    /// <summary>Words after "security" that name a tool, a process or a page about it, not a change of the product's:
    /// "security audit CI", "Security module", "security PRs".</summary>
    public static readonly HashSet<string> NotSecurityAfter = Set(
        "audit", "audits", "module", "modules", "glyph", "icon", "pr", "prs", "label", "labels", "team", "policy", "review", "reviews",
        "scan", "scans", "scanner", "scanning", "tab", "page", "workflow", "workflows", "md", "contact", "settings", "function", "functions",
        "hook", "hooks", "disclosure", "disclosures", "considerations", "warning", "warnings");

    /// <summary>Words that make a title's "script" the project's own tooling ("Restrict install script and smoke test to
    /// Darwin only"), not markup a product renders.</summary>
    public static readonly HashSet<string> ToolScriptWords = Set(
        "install", "installer", "installation", "build", "setup", "smoke", "ci", "test", "tests", "shell", "bash", "helper", "release",
        "deploy", "deployment", "startup", "bootstrap");

    /// <summary>Words beside which a "token" is a model's, not a credential ("dropping leading tokens from `chosen`",
    /// "max tokens limit").</summary>
    public static readonly HashSet<string> ModelTokenWords = Set(
        "prompt", "prompts", "chat", "chosen", "completion", "completions", "generation", "generate", "max", "max_tokens", "vocab",
        "special", "leading", "trailing", "bos", "eos", "padding", "pad", "logits", "tokenizer", "sampling", "decode", "decoding",
        "routing", "gating", "moe", "embedding", "embeddings", "kv", "attention");

    /// <summary>Protective verbs that are also nouns ("lookup limits", "on Stop", "script blocks", "block size"): protective
    /// only leading the title.</summary>
    public static readonly HashSet<string> LeadingOnlyProtective = Set("limit", "limits", "stop", "stops", "block", "blocks");

    /// <summary>What a "harden" makes safer when it is security: where input from outside, access or trust is handled.</summary>
    public static readonly HashSet<string> HardenedSurfaces = Set(
        "validation", "validate", "validator", "verification", "verify", "auth", "authentication", "authorization", "access", "check",
        "checks", "redirect", "redirects", "load", "loads", "loading", "loader", "parsing", "parser", "parse", "request", "requests",
        "sql", "query", "oauth", "consent", "installer", "download", "bootstrap", "signature", "signatures", "tls", "ssl", "https",
        "certificate", "certificates", "rbac", "acl", "rpc", "regex", "lookup", "lookups", "memory", "input", "inputs", "url", "urls",
        "path", "paths", "attribute", "attributes", "endpoint", "endpoints", "webhook", "webhooks", "cors", "origin", "session",
        "sessions", "login", "jwt", "encryption", "crypto", "key", "keys", "phrases", "registration", "surface", "surfaces");

    /// <summary>Severe problems in Chinese titles (no word boundaries: matched as substrings).</summary>
    public static readonly string[] ChineseSevere = ["崩溃", "死锁", "段错误", "内存泄漏", "数据丢失", "错误结果", "结果错误", "越界", "溢出", "卡死", "精度"];

    /// <summary>The critical ones among <see cref="ChineseSevere"/>.</summary>
    public static readonly string[] ChineseCritical = ["越界", "数据丢失"];

    /// <summary>A process spinning for ever ("fix busy loop when peer half-closes"): two words of a title, one severe problem.</summary>
    public const string BusyLoop = "busy loop";

    /// <summary>Whether a severe word found in a title names a critical problem.</summary>
    public static bool IsCritical(string severe) => Critical.Contains(severe) || ChineseCritical.Contains(severe, StringComparer.Ordinal);

    /// <summary>Gating words: the change is opt-in, experimental, behind a flag.</summary>
    public static readonly HashSet<string> Experimental = Set(
        "experimental", "preview", "unstable", "beta", "alpha", "prototype", "poc", "wip", "opt-in", "feature-flag", "nightly");

    /// <summary>Gating words that count only in a title: a squash body's bullet list names its work-in-progress commits.</summary>
    public static readonly HashSet<string> TitleOnlyExperimental = Set("wip");

    /// <summary>Folders whose code is opt-in whatever a commit's title says: a linter's nursery, a prototype namespace.</summary>
    public static readonly HashSet<string> GatedDirectories = Set("nursery", "experimental", "preview", "unstable", "prototype", "incubator");

    /// <summary>Words of a title that says the change is an example of use.</summary>
    public static readonly HashSet<string> ExampleWords = Set("example", "examples", "demo", "demos", "tutorial", "tutorials", "sample", "samples", "cookbook", "notebook");

    /// <summary>The documentation, in the code or on its site: a title about it names no engine ("Update patch doc") and
    /// publishing it ships nothing of the product.</summary>
    public static readonly HashSet<string> DocumentationWords = Set(
        "doc", "docs", "documentation", "readme", "comment", "comments", "docstring", "pages", "website");

    /// <summary>Verbs that name an edit of what follows them ("fix typo", "update log message").</summary>
    public static readonly HashSet<string> EditVerbs = Set(
        "fix", "fixes", "fixed", "correct", "corrects", "corrected", "update", "updates", "tweak", "tweaks", "adjust", "improve", "improves", "clean");

    /// <summary>The repository's own tooling: a severe word before one of these ("broken tests") repairs nothing a user runs.</summary>
    public static readonly HashSet<string> Tooling = Set([.. DocumentationWords,
        "test", "tests", "testing", "build", "builds", "ci", "link", "links", "example", "examples", "benchmark", "benchmarks", "lint", "linter", "linting"]);

    /// <summary>A capability or a check, named in a title: what a small change that adds or removes it still changes for users.</summary>
    public static readonly HashSet<string> TakenAway = Set(
        "support", "check", "checks", "validation", "validations", "limit", "limits", "guard", "guards", "feature", "flag", "flags",
        "command", "api", "endpoint");

    /// <summary>Trivial edits whatever their size.</summary>
    public static readonly HashSet<string> Trivial = Set(
        "typo", "typos", "spelling", "misspelling", "whitespace", "formatting", "format", "fmt", "lint", "linting", "clippy", "print",
        "prints", "printing", "log", "logging", "comment", "comments", "wording", "warning", "warnings", "cosmetic", "indentation", "nit",
        "nits", "rename", "renames", "renamed", "reword", "message", "messages", "docstring", "docstrings", "readme", "indent", "indents");

    /// <summary>Words of a title that call its change small or about the docs ("Tiny enhance exec_command", "Update MTP
    /// training doc"): a merged pull request says nothing more of such a change.</summary>
    public static readonly HashSet<string> Modest = Set(
        "tiny", "minor", "small", "trivial", "nit", "nits", "doc", "docs", "documentation", "typo", "typos", "readme", "comment", "comments");

    /// <summary>Proofreading words: a change of spelling or wording, trivial up to a proofreader's size.</summary>
    public static readonly HashSet<string> Proofreading = Set("typo", "typos", "spelling", "misspelling", "misspellings", "wording", "grammar");

    /// <summary>Words of a version bump of the project itself.</summary>
    public static readonly HashSet<string> Release = Set("release", "releases", "released", "version", "bump", "prepare", "publish", "v");

    /// <summary>Words of a dependency update.</summary>
    public static readonly HashSet<string> Update = Set("bump", "bumps", "bumped", "update", "updates", "updated", "upgrade", "upgrades", "upgraded", "pin", "sync", "lock");

    /// <summary>Memory-safety problems a fix's body may name when its title does not.</summary>
    public static readonly HashSet<string> MemorySafety = Set([.. MemorySafetyWords, "heap-buffer-overflow"]);

    /// <summary>Words of a default's change.</summary>
    public static readonly HashSet<string> Defaults = Set("default", "defaults", "by-default");

    /// <summary>Verbs that change a default when they lead the title and a default follows within a few words ("raise
    /// default HTTP/2 header list size", "default new command to src layout", "restore CI frozen lockfile default").
    /// Not "fix", "keep", "preserve", "respect", "add": those name a default that stays what it was.</summary>
    public static readonly HashSet<string> DefaultVerbs = Set(
        "default", "defaults", "change", "changes", "changed", "raise", "raises", "lower", "lowers", "flip", "flips", "switch",
        "switches", "increase", "increases", "decrease", "decreases", "reduce", "reduces", "bump", "bumps", "restore", "restores",
        "enable", "enables", "disable", "disables", "apply", "applies", "turn", "turns", "revert", "reverts", "update", "updates", "updated");

    /// <summary>Verbs that change a default only when the title says what it becomes ("set the default of X to true").</summary>
    public static readonly HashSet<string> DefaultSetters = Set("set", "sets", "make", "makes", "use", "uses");

    /// <summary>Folders of periphery code whatever the repository's shape: benchmarks and the like.</summary>
    public static readonly HashSet<string> PeripheryDirectories = Set("bench", "benches", "benchmark", "benchmarks", "contrib", "playground");

    /// <summary>What a limit, bound or cap at the head of a title protects when it hardens: what input makes the product
    /// spend — depth, rounds, allocations, reads — or where input is taken apart.</summary>
    public static readonly HashSet<string> SpentByInput = Set(
        "depth", "rounds", "allocation", "allocations", "escapes", "reads", "offsets", "chain", "decompression", "decompressed",
        "decryption", "parsing", "parse", "untrusted", "backlog");

    /// <summary>What an "enforce" bounds or guards when it hardens: a size, a limit, a length, a timeout, a permission, a
    /// validation (parts of a word too: "client_max_size", "Upload-Length").</summary>
    public static readonly HashSet<string> EnforcedBounds = Set(
        "size", "sizes", "limit", "limits", "length", "lengths", "max", "maximum", "minimum", "bounds", "boundaries", "timeout", "timeouts",
        "permission", "permissions", "validation", "verification", "ownership", "restriction", "restrictions");

    /// <summary>Folders of examples: documentation in the form of code, nothing a user runs.</summary>
    public static readonly HashSet<string> ExampleDirectories = Set(
        "example", "examples", "sample", "samples", "demo", "demos", "tutorial", "tutorials", "cookbook", "notebooks");

    /// <summary>Folders of colour themes a user picks by name.</summary>
    public static readonly HashSet<string> ThemeDirectories = Set("themes", "colorschemes", "color-schemes", "palettes", "skins");

    /// <summary>Whether <paramref name="word"/> (one of <see cref="Words"/>' words) stands in <paramref name="text"/> as a word
    /// of prose at least once: not joined by a '.' to a name before or after it ("URL.prototype.port", "config.preview").</summary>
    public static bool StandsAlone(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            var wordStart = at == 0 || !IsWordCharacter(text[at - 1]) && !(text[at - 1] == '-' && at > 1 && IsWordCharacter(text[at - 2]));
            var wordEnd = end == text.Length || !IsWordCharacter(text[end]) && !(text[end] == '-' && end + 1 < text.Length && IsWordCharacter(text[end + 1]));
            var dotted = at > 1 && text[at - 1] == '.' && IsWordCharacter(text[at - 2])
                || end + 1 < text.Length && text[end] == '.' && IsWordCharacter(text[end + 1]);
            if (wordStart && wordEnd && !dotted)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>The lower-cased words of a text: letters, digits, '-' and '_' (so "non-utf-8" stays one word).</summary>
    public static List<string> Words(string text, int limit = 4000)
    {
        var words = new List<string>();
        var start = -1;
        var end = Math.Min(text.Length, limit);
        for (var i = 0; i <= end; i++)
        {
            // '_' belongs to a word wherever it stands ("__xss" is an identifier, not the word "xss"); '-' only inside one.
            var inWord = i < end && (IsWordCharacter(text[i]) || (start >= 0 && text[i] == '-'));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                // Lower-cased straight from the text: one string a word, not a substring and its lower-cased copy.
                var word = text.AsSpan(start, i - start).TrimEnd("-_");
                words.Add(string.Create(word.Length, word, static (lower, letters) => letters.ToLowerInvariant(lower)));
                start = -1;
            }
        }
        return words;
    }
}
