using Gitbrief.Pipeline;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Pipeline;

/// <summary>A repository with one missing object (a damaged pack, a failed disk): a backfill reports every day it can,
/// names the day it could not and why, and exits 1.</summary>
public sealed class DamagedRepositoryTests : IDisposable
{
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repository = TestRepository.Create("damaged");

    public void Dispose()
    {
        workspace.Dispose();
        repository.Dispose();
    }

    [Fact]
    public void One_day_with_a_missing_object_costs_only_that_day()
    {
        repository.WriteLines("src/first.py", 5).Commit("feat: first day", "2026-01-10T10:00:00+08:00");
        repository.WriteLines("src/second.py", 7, "broken").Commit("feat: second day", "2026-01-11T10:00:00+08:00");
        repository.WriteLines("src/third.py", 9).Commit("feat: third day", "2026-01-12T10:00:00+08:00");
        // The second day's new file loses its blob: git can list the commit but not count its lines.
        var blob = repository.Git("rev-parse", "HEAD~1:src/second.py");
        File.Delete(Path.Combine(repository.Path, ".git", "objects", blob[..2], blob[2..]));

        var result = workspace.Cli("report", "--repo", repository.Path, "--since", "2026-01-10", "--until", "2026-01-12");

        Assert.Equal(ExitCodes.RepositoryFailed, result.ExitCode);
        Assert.Contains("feat: first day", workspace.Markdown("damaged", "2026-01-10"), StringComparison.Ordinal);
        Assert.Contains("feat: third day", workspace.Markdown("damaged", "2026-01-12"), StringComparison.Ordinal);
        Assert.False(workspace.ReportExists("damaged", "2026-01-11"));
        Assert.Contains("damaged: 2 commit(s), 2 days → 2 daily reports in out; 1 day(s) not reported (2026-01-11)", result.Stderr, StringComparison.Ordinal);
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("gitbrief: error:", StringComparison.Ordinal));
        Assert.StartsWith("gitbrief: error: damaged: 2026-01-11 not reported: git log failed: ", error, StringComparison.Ordinal);
        Assert.Contains(blob, error, StringComparison.Ordinal);
        Assert.Contains("'git fsck'", error, StringComparison.Ordinal);
    }
}
