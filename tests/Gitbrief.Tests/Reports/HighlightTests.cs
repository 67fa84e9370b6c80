using Gitbrief.Reports;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Reports;

/// <summary>The day's highlights at the top of the report: the high commits' titles, and where a title names nothing but
/// a ticket, the file the commit changes most.</summary>
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

    private static FileChange Change(string path, int lines) => new(path, null, FileStatus.Modified, lines, lines / 4, false);

    private static CommitRecord Commit(int n, string message, params FileChange[] files) =>
        RenderingSamples.Commit(RenderingSamples.FakeSha(7000 + n), new Person("Dev", "dev@example.com"),
            RenderingSamples.At(2026, 1, 12, 20, 0, 0).AddMinutes(-n), message + "\n", files);
}
