namespace Gitbrief.Bench;

/// <summary><c>repos</c>: generates the benchmarks' repositories in bench/out (or keeps them while their version stamps
/// match; <c>--regenerate</c> rebuilds them) and prints what each holds, to measure or inspect them by hand.</summary>
internal static class RepositoriesCommand
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var paths = BenchPaths.Locate();
        Directory.CreateDirectory(paths.Out);
        (string Name, Func<string, bool, Task<GeneratedRepository>> Ensure, DateOnly Day)[] repositories =
        [
            ("repo", RepositoryGenerator.EnsureAsync, RepositoryGenerator.BusyDay),
            ("realday-repo", RealSizedDayRepository.EnsureAsync, RealSizedDayRepository.BusyDay),
            ("wide-repo", WideCommitRepository.EnsureAsync, WideCommitRepository.Day),
            ("burst-repo", BurstDayRepository.EnsureAsync, BurstDayRepository.Day),
        ];
        foreach (var (name, ensure, day) in repositories)
        {
            var repository = await ensure(paths.Out, options.Regenerate).ConfigureAwait(false);
            Console.WriteLine($"{paths.Show(repository.Path)}: {repository.Commits} commits on main, HEAD {repository.Head[..12]}, "
                + $"its day {GitWindow.Iso(day)} (+0800), " + (repository.Reused ? "kept" : $"generated in {repository.Elapsed.TotalSeconds:0.0} s"));
        }
        return 0;
    }
}
