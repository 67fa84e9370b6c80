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
        Assert.Equal(
            [
                "fix: handle mcp tool calls in previous response correctly",
                "fix: use pool_pre_ping=True in SQLAlchemy engine creation",
                "fix: embeddings for asymmetric embedding models",
            ],
            report.Highlights);
        Assert.DoesNotContain(report.Highlights, h => h.Contains("bump", StringComparison.Ordinal) || h.StartsWith("docs", StringComparison.Ordinal));
    }

    /// <summary>torchtitan, 2026-08-20: fifteen of 21 commits at score 9, most of them features and fixes the rules hold at
    /// medium for want of a high signal. The highlights are the ones that weighed most before that hold, not the newest.</summary>
    [Fact]
    public void Among_mediums_of_one_score_the_ones_that_weighed_most_are_highlighted()
    {
        var report = RenderingSamples.Build(ReportLanguage.En,
        [
            Commit(1, "feat: add a retry hint to the config loader", Change("torchtitan/config/loader.py", 50)),
            Commit(2, "feat: log the learning rate each step", Change("torchtitan/components/metrics.py", 50)),
            Commit(3, "feat: name the checkpoint folder after the run", Change("torchtitan/components/checkpoint.py", 50)),
            Commit(4, "feat: pipeline parallel schedules for the new trainer", Change("torchtitan/distributed/pipeline.py", 900),
                Change("torchtitan/distributed/schedules.py", 700), Change("torchtitan/trainer.py", 300), Change("torchtitan/train_spec.py", 120),
                Change("torchtitan/distributed/utils.py", 80)),
            Commit(5, "feat: float8 all-gather for FSDP2", Change("torchtitan/components/quantization/float8.py", 600),
                Change("torchtitan/distributed/fsdp.py", 400), Change("torchtitan/models/llama3/parallelize.py", 200)),
        ]);

        var byScore = report.Entries.Where(e => e.Level == ImportanceLevel.Medium).GroupBy(e => e.Importance.Score).OrderByDescending(g => g.Key).First();
        Assert.True(byScore.Count() == 5, string.Join("\n", report.Entries.Select(e => $"{e.Level} {e.Importance.Score} {e.Commit.Title}")));
        Assert.Equal(
            ["feat: pipeline parallel schedules for the new trainer", "feat: float8 all-gather for FSDP2", "feat: add a retry hint to the config loader"],
            report.Highlights);
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
