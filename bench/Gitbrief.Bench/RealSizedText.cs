using System.Globalization;
using System.Text;

namespace Gitbrief.Bench;

/// <summary>The text of <see cref="RealSizedDayRepository"/>'s files, line by line, from a seeded random: Rust sources
/// (doc comments, functions, matches), integration tests with inline snapshots, Markdown, TOML, YAML, Python and a
/// Cargo.lock. Lines are about as long and as repetitive as a real project's (≈ 35–45 bytes, many <c>}</c> and blank
/// lines, identifiers that recur), so that git's inflating and line diffing cost what they cost on real files.</summary>
internal sealed class RealSizedText(Random random)
{
    private static readonly string[] Nouns =
    [
        "package", "version", "marker", "index", "source", "wheel", "archive", "lock", "resolution", "requirement",
        "workspace", "member", "environment", "interpreter", "cache", "credential", "redirect", "hash", "extra",
        "dependency", "constraint", "override", "platform", "tag", "manifest", "script", "entry", "target", "build",
        "backend", "registry", "mirror", "token", "url", "path", "directory", "settings", "options", "report",
    ];

    private static readonly string[] Verbs =
    [
        "resolve", "install", "fetch", "parse", "validate", "normalize", "collect", "merge", "filter", "write",
        "read", "discover", "prepare", "apply", "check", "find", "load", "render", "sync", "prune", "lock", "export",
    ];

    private static readonly string[] Types =
    [
        "PackageName", "Version", "MarkerTree", "IndexUrl", "SourceDist", "WheelFilename", "Lock", "Resolution",
        "Requirement", "Workspace", "PythonEnvironment", "Interpreter", "Cache", "Credentials", "Url", "Hash",
        "ExtraName", "Constraints", "Overrides", "Platform", "Tags", "Manifest", "Options", "Settings", "Report",
    ];

    private static readonly string[] Words =
    [
        "the", "a", "when", "is", "not", "in", "of", "to", "for", "with", "before", "after", "each", "can", "should",
        "package", "version", "index", "lockfile", "environment", "request", "already", "never", "always", "empty",
        "first", "given", "current", "project", "workspace", "resolution", "cached", "returns", "error", "user",
    ];

    private int counter;

    public string Noun() => Pick(Nouns);

    public string Verb() => Pick(Verbs);

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A sentence of <paramref name="words"/> words, capitalised, with a full stop.</summary>
    public string Sentence(int words)
    {
        var text = string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(Words)));
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    /// <summary>About <paramref name="lines"/> lines of the given kind (whole blocks, so a few more).</summary>
    public List<string> Lines(FileKind kind, int lines)
    {
        var text = new List<string>(lines + 40);
        if (kind == FileKind.Rust)
        {
            text.Add($"use crate::{{{Pick(Types)}, {Pick(Types)}}};");
            text.Add($"use std::{Pick(["collections::BTreeMap", "path::Path", "sync::Arc", "fmt"])};");
            text.Add(string.Empty);
        }
        while (text.Count < lines)
        {
            Block(kind, text);
        }
        return text;
    }

    /// <summary>One block of the kind (a function, a test, a section, a lock entry …) appended to <paramref name="text"/>.</summary>
    public void Block(FileKind kind, List<string> text)
    {
        var id = ++counter;
        switch (kind)
        {
            case FileKind.Rust:
                RustFunction(text, id);
                break;
            case FileKind.RustTest:
                RustTest(text, id);
                break;
            case FileKind.Markdown:
                text.Add($"## {char.ToUpperInvariant(Noun()[0])}{Noun()[1..]} {Noun()}s");
                text.Add(string.Empty);
                for (var p = random.Next(1, 4); p > 0; p--)
                {
                    var sentences = Enumerable.Range(0, random.Next(2, 5)).Select(_ => Sentence(random.Next(6, 14)));
                    text.AddRange(Wrap(string.Join(' ', sentences), 100));
                    text.Add(string.Empty);
                }
                if (random.Next(3) == 0)
                {
                    text.AddRange(["```console", $"$ acme {Verb()} --{Noun()} {Noun()}-{id}", $"{Sentence(5)}", "```", string.Empty]);
                }
                break;
            case FileKind.Python:
                text.Add($"def {Verb()}_{Noun()}_{id}({Noun()}: str, {Noun()}: int = {random.Next(100)}) -> bool:");
                text.Add($"    \"\"\"{Sentence(random.Next(5, 10))}\"\"\"");
                for (var l = random.Next(2, 9); l > 0; l--)
                {
                    text.Add($"    {Noun()}_{l} = {Verb()}({Noun()}, {random.Next(1000)})");
                }
                text.Add($"    return {Noun()}_1 is not None");
                text.Add(string.Empty);
                break;
            case FileKind.Toml:
                text.Add($"[{Noun()}.{Noun()}-{id}]");
                for (var l = random.Next(2, 6); l > 0; l--)
                {
                    text.Add($"{Noun()} = \"{Noun()}-{random.Next(100)}\"");
                }
                text.Add(string.Empty);
                break;
            case FileKind.Yaml:
                text.Add($"  {Verb()}-{Noun()}-{id}:");
                text.Add("    runs-on: ubuntu-latest");
                text.Add("    steps:");
                text.Add("      - uses: actions/checkout@v4");
                for (var l = random.Next(1, 5); l > 0; l--)
                {
                    text.Add($"      - run: cargo {Pick(["test", "build", "clippy", "nextest run"])} -p acme-{Noun()} --{Noun()}");
                }
                text.Add(string.Empty);
                break;
            case FileKind.Json:
                text.Add($"  \"{Noun()}-{id}\": {{ \"{Noun()}\": \"{Verb()}\", \"{Noun()}\": {random.Next(10_000)} }},");
                break;
            default:
                LockEntry(text, id);
                break;
        }
    }

    /// <summary>A Cargo.lock entry for <paramref name="id"/>, at the given version.</summary>
    public void LockEntry(List<string> text, int id, int? patch = null)
    {
        text.Add("[[package]]");
        text.Add($"name = \"{LockName(id)}\"");
        text.Add($"version = \"{id % 3}.{id % 17}.{patch ?? id % 7}\"");
        text.Add("source = \"registry+https://github.com/rust-lang/crates.io-index\"");
        text.Add($"checksum = \"{Checksum(id, patch ?? 0)}\"");
        var dependencies = (id * 7) % 5;
        if (dependencies > 0)
        {
            text.Add("dependencies = [");
            for (var d = 1; d <= dependencies; d++)
            {
                text.Add($" \"{LockName((id * 31 + d * 13) % 700)}\",");
            }
            text.Add("]");
        }
        text.Add(string.Empty);
    }

    public static string LockName(int id) => $"{Nouns[id % Nouns.Length]}-{Verbs[id / Nouns.Length % Verbs.Length]}{(id >= Nouns.Length * Verbs.Length ? "2" : string.Empty)}";

    private static string Checksum(int id, int patch)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}:{patch}")));
        return Convert.ToHexStringLower(hash);
    }

    private void RustFunction(List<string> text, int id)
    {
        var (noun, other, type) = (Noun(), Noun(), Pick(Types));
        text.Add($"/// {Sentence(random.Next(6, 13))}");
        if (random.Next(2) == 0)
        {
            text.Add("///");
            text.AddRange(Wrap(Sentence(random.Next(10, 30)), 100).Select(l => "/// " + l));
        }
        text.Add($"pub(crate) fn {Verb()}_{noun}_{id}({other}: &{type}, options: &Options) -> Result<{Pick(Types)}, Error> {{");
        text.Add($"    let {noun} = {other}.{noun}()?;");
        for (var s = random.Next(1, 5); s > 0; s--)
        {
            switch (random.Next(4))
            {
                case 0:
                    text.Add($"    if {noun}.is_empty() {{");
                    text.Add($"        return Err(Error::Missing{type}({other}.to_string()));");
                    text.Add("    }");
                    break;
                case 1:
                    text.Add($"    let {Noun()}s = {noun}");
                    text.Add("        .iter()");
                    text.Add($"        .filter(|{other}| options.{Noun()}.matches({other}))");
                    text.Add($"        .map(|{other}| {Verb()}_{Noun()}({other}, {random.Next(64)}))");
                    text.Add("        .collect::<Result<Vec<_>, _>>()?;");
                    break;
                case 2:
                    text.Add($"    match {noun}.kind() {{");
                    text.Add($"        {type}Kind::{Pick(Types)} => debug!(\"{Sentence(4)} {{}}\", {other}),");
                    text.Add($"        {type}Kind::{Pick(Types)}(inner) => {Verb()}_{Noun()}(inner)?,");
                    text.Add("        _ => {}");
                    text.Add("    }");
                    break;
                default:
                    text.Add($"    // {Sentence(random.Next(5, 12))}");
                    text.Add($"    let {Noun()} = {Verb()}_{Noun()}(&{noun}, options.{Noun()}, {random.Next(256)})?;");
                    break;
            }
        }
        text.Add($"    Ok({noun}.into())");
        text.Add("}");
        text.Add(string.Empty);
    }

    private void RustTest(List<string> text, int id)
    {
        var noun = Noun();
        text.Add("#[test]");
        text.Add($"fn {Verb()}_{noun}_{id}() -> Result<()> {{");
        text.Add("    let context = TestContext::new(\"3.12\");");
        text.Add($"    let {noun} = context.temp_dir.child(\"{Noun()}.toml\");");
        text.Add($"    {noun}.write_str(indoc! {{r#\"");
        text.Add("        [project]");
        text.Add($"        name = \"{Noun()}-{id}\"");
        text.Add($"        dependencies = [\"{TextLockName()}>={random.Next(1, 9)}.{random.Next(20)}\"]");
        text.Add("    \"#})?;");
        text.Add(string.Empty);
        text.Add($"    uv_snapshot!(context.filters(), context.{Verb()}().arg(\"--{Noun()}\"), @r###\"");
        text.Add("    success: true");
        text.Add("    exit_code: 0");
        text.Add("    ----- stdout -----");
        for (var l = random.Next(2, 12); l > 0; l--)
        {
            text.Add($"     + {TextLockName()}=={random.Next(4)}.{random.Next(30)}.{random.Next(9)} (from file://[TEMP_DIR]/{Noun()})");
        }
        text.Add(string.Empty);
        text.Add("    ----- stderr -----");
        text.Add($"    Resolved {random.Next(2, 90)} packages in [TIME]");
        text.Add($"    {Sentence(random.Next(4, 9))}");
        text.Add("    \"###");
        text.Add("    );");
        text.Add(string.Empty);
        text.Add("    Ok(())");
        text.Add("}");
        text.Add(string.Empty);
    }

    private string TextLockName() => LockName(random.Next(700));

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length + word.Length + 1 > width && line.Length > 0)
            {
                yield return line.ToString();
                line.Clear();
            }
            line.Append(line.Length == 0 ? word : " " + word);
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
