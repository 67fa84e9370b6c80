using Gitbrief.Analysis;
using Gitbrief.Publishing;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Publishing;

/// <summary>What an update message says: the ledger's record of the delivered report against the report now.</summary>
public sealed class ReportChangeTests
{
    private static readonly Gitbrief.Reports.DailyReport Report = RenderingSamples.Report(ReportLanguage.En);

    [Fact]
    public void An_unchanged_report_has_no_change()
    {
        Assert.True(ReportChange.Between(ReportChange.Contents(Report), Report).IsEmpty);
    }

    [Fact]
    public void Level_changes_new_and_removed_commits_are_named_in_the_reports_language()
    {
        var high = Report.AtLevel(ImportanceLevel.High).First().Commit;
        var newest = Report.Entries[^1].Commit;
        // As delivered: the high commit was low, the newest one was not there, and one commit that is gone now was.
        var delivered = string.Concat(ReportChange.Contents(Report).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith(newest.Sha, StringComparison.Ordinal))
            .Select(l => l.StartsWith(high.Sha, StringComparison.Ordinal) ? l.Replace(" high ", " low ", StringComparison.Ordinal) : l)
            .Append($"{new string('a', 40)} medium Reverted later")
            .Select(l => l + "\n"));

        var change = ReportChange.Between(delivered, Report);

        Assert.Equal(
        [
            $"New: {newest.ShortSha} {newest.Title} ({LevelOf(newest)})",
            "No longer on the branch: aaaaaaa Reverted later",
            $"Level changed: {high.ShortSha} {high.Title}: 🟢 Low → 🔴 High",
        ], change.Lines(ReportLanguage.En));
        Assert.Equal($"重要度变化：{high.ShortSha} {high.Title}：🟢低 → 🔴高", change.Lines(ReportLanguage.Zh)[^1]);
    }

    [Fact]
    public void A_delivery_recorded_before_contents_were_kept_tells_nothing()
    {
        Assert.True(ReportChange.Between(null, Report).IsEmpty);
    }

    private static string LevelOf(Gitbrief.Sources.CommitRecord commit) =>
        Report.Entries.Single(e => e.Commit.Sha == commit.Sha).Level switch
        {
            ImportanceLevel.High => "🔴 High",
            ImportanceLevel.Medium => "🟡 Medium",
            _ => "🟢 Low",
        };
}
