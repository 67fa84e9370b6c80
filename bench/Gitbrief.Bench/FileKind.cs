namespace Gitbrief.Bench;

/// <summary>What a generated file holds, which decides the text it is made of.</summary>
internal enum FileKind
{
    Rust,
    RustTest,
    Markdown,
    Python,
    Toml,
    Yaml,
    Json,
    Lock,
}
