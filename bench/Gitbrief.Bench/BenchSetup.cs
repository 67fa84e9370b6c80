namespace Gitbrief.Bench;

/// <summary>What every benchmark starts from: the paths, the machine's description, the generated
/// repository and the installed gitbrief (install.sh).</summary>
internal sealed record BenchSetup(BenchPaths Paths, IReadOnlyList<string> Machine, GeneratedRepository Repository, GitbriefBinary Binary)
{
    public static async Task<BenchSetup> PrepareAsync(BenchOptions options)
    {
        var paths = BenchPaths.Locate();
        Directory.CreateDirectory(paths.Out);
        var machine = await MachineInfo.DescribeAsync(paths.Root).ConfigureAwait(false);
        Console.Error.WriteLine($"preparing {paths.Show(Path.Combine(paths.Out, "repo"))} …");
        var repository = await RepositoryGenerator.EnsureAsync(paths.Out, options.Regenerate).ConfigureAwait(false);
        var binary = await GitbriefBinary.InstalledAsync(paths, options.Republish).ConfigureAwait(false);
        return new BenchSetup(paths, machine, repository, binary);
    }
}
