using Gitbrief.Analysis;
using Gitbrief.Configuration;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Sources;

/// <summary>The changed lines the ranking reads from a real repository: one git call for the day's small commits,
/// none kept for a large one, and a docs-only edit inside the code ranked low from them.</summary>
public sealed class ChangedLineReaderTests
{
    [Fact]
    public async Task Small_commits_get_their_lines_and_a_comment_only_fix_ranks_low()
    {
        using var repository = TestRepository.Create();
        repository.Write("src/pool.rs", "/// Returns the pool.\npub fn pool() -> Pool {\n    Pool::new()\n}\n")
            .Commit("Add the pool", "2026-03-13T10:00:00+00:00");
        repository.Write("src/pool.rs", "/// Returns the pool, created on first use.\npub fn pool() -> Pool {\n    Pool::new()\n}\n")
            .Commit("Fix pool doc", "2026-03-14T09:00:00+00:00");
        repository.Write("src/pool.rs", "/// Returns the pool, created on first use.\npub fn pool() -> Pool {\n    Pool::shared()\n}\n")
            .Commit("Share the pool", "2026-03-14T10:00:00+00:00");
        repository.WriteLines("src/generated_table.rs", 600).Commit("Add the lookup table", "2026-03-14T11:00:00+00:00");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var history = new GitHistory(repository.Path);
        var commits = await history.ReadAsync("HEAD", DateTimeOffset.Parse("2026-03-14T00:00:00Z"), DateTimeOffset.Parse("2026-03-15T00:00:00Z"), false, timeout.Token);
        commits = await ChangedLineReader.AttachAsync(repository.Path, commits, timeout.Token);

        var byTitle = commits.ToDictionary(c => c.Title);
        Assert.Equal(["-/// Returns the pool.", "+/// Returns the pool, created on first use."],
            byTitle["Fix pool doc"].Lines!.Select(l => (l.Added ? "+" : "-") + l.Text));
        Assert.All(byTitle["Share the pool"].Lines!, l => Assert.Equal("src/pool.rs", l.Path));
        Assert.Null(byTitle["Add the lookup table"].Lines);

        var analyzer = new RulesAnalyzer(ImportanceWeights.Default, ReportLanguage.En);
        Assert.Equal(ImportanceLevel.Low, analyzer.Analyze(byTitle["Fix pool doc"]).Importance.Level);
        Assert.DoesNotContain(analyzer.Analyze(byTitle["Share the pool"]).Importance.Reasons, r => r.Code is "comments" or "formatting");
    }
}
