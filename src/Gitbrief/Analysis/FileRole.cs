namespace Gitbrief.Analysis;

/// <summary>What a changed file is for. Decides whether its lines count toward a commit's size.</summary>
internal enum FileRole
{
    Source,
    Test,
    Docs,
    CI,
    Build,
    DependencyManifest,
    Lockfile,
    Generated,
    Vendored,
    Binary,
    Config,
    Other,
}
