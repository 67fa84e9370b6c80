using Gitbrief.Reports;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Reports;

/// <summary>The day's highlights at the top of the report: the high commits' titles (on a day without one, its strongest
/// medium ones), and where a title names nothing but a ticket, the file the commit changes most.</summary>
public sealed class HighlightTests
{
    [Fact]
    public void A_high_commit_titled_only_by_its_ticket_shows_the_source_file_it_changes_most()
    {
        var report = RenderingSamples.Build(ReportLanguage.En,
        [
            Commit(1, "[SECURITY-3744]", Change("core/src/main/java/hudson/model/View.java", 29), Change("test/src/test/java/hudson/model/ViewSecurityTest.java", 134)),
            Commit(2, "Reject symlinks that escape the worktree (GHSA-abcd-efgh-ijkl)", Change("src/checkout/links.rs", 40)),
        ]);

        Assert.Contains("[SECURITY-3744] (core/src/main/java/hudson/model/View.java)", report.Highlights);
        Assert.Contains("Reject symlinks that escape the worktree (GHSA-abcd-efgh-ijkl)", report.Highlights);
    }

    /// <summary>llama-stack, 2025-08-20: eighteen bumps and three scoped fixes, none high. The first screen names the fixes,
    /// strongest first, not only the day's bump themes; no bump, docs change or more than three of them.</summary>
    [Fact]
    public void A_day_without_a_high_commit_highlights_its_strongest_medium_ones()
    {
        var report = RenderingSamples.Build(ReportLanguage.En,
        [
            Commit(1, "chore(python-deps): bump chromadb from 1.0.16 to 1.0.20", Change("pyproject.toml", 1)),
            Commit(2, "fix: use pool_pre_ping=True in SQLAlchemy engine creation", Change("llama_stack/providers/utils/sqlstore/sqlalchemy.py", 2)),
            Commit(3, "docs: fix a typo in the quick start", Change("docs/quickstart.md", 1)),
            Commit(4, "fix: handle mcp tool calls in previous response correctly", Change("llama_stack/providers/responses/openai.py", 60), Change("llama_stack/providers/responses/tools.py", 40)),
            Commit(5, "chore(pre-commit): add a hook to enforce the project logger", Change("scripts/check_logger.py", 120)),
            Commit(6, "fix: embeddings for asymmetric embedding models", Change("llama_stack/providers/embeddings/nim.py", 30)),
            Commit(7, "Update the DeepSeek-V3 serving recipe", Change("llama_stack/recipes/deepseek_v3.py", 46)),
        ]);

        Assert.DoesNotContain(report.Entries, e => e.Level == ImportanceLevel.High);
        var medium = report.Entries.Where(e => e.Level == ImportanceLevel.Medium).ToList();
        Assert.True(medium.Count > 3, string.Join("\n", report.Entries.Select(e => $"{e.Level} {e.Importance.Score} {e.Commit.Title}")));
        var strongest = medium.OrderByDescending(e => e.Importance.Score).Take(3).Select(e => e.Commit.Title).ToList();
        Assert.Equal(strongest, report.Highlights);
        Assert.DoesNotContain(report.Highlights, h => h.Contains("bump", StringComparison.Ordinal) || h.StartsWith("docs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_day_with_a_high_commit_highlights_only_its_high_ones()
    {
        var report = RenderingSamples.Build(ReportLanguage.En,
        [
            Commit(1, "fix: handle mcp tool calls in previous response correctly", Change("llama_stack/providers/responses/openai.py", 60)),
            Commit(2, "Reject symlinks that escape the worktree (GHSA-abcd-efgh-ijkl)", Change("src/checkout/links.rs", 40)),
        ]);

        Assert.Equal(["Reject symlinks that escape the worktree (GHSA-abcd-efgh-ijkl)"], report.Highlights);
    }

    private static FileChange Change(string path, int lines) => new(path, null, FileStatus.Modified, lines, lines / 4, false);

    private static CommitRecord Commit(int n, string message, params FileChange[] files) =>
        RenderingSamples.Commit(RenderingSamples.FakeSha(7000 + n), new Person("Dev", "dev@example.com"),
            RenderingSamples.At(2026, 1, 12, 20, 0, 0).AddMinutes(-n), message + "\n", files);
}
