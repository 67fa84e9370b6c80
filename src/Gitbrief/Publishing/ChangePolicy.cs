using Gitbrief.Configuration;

namespace Gitbrief.Publishing;

/// <summary>What a message target (chat, mail, issue) does when a day it already delivered has a changed report
/// (config <c>on_change</c>): send a short update naming what changed, or leave it.</summary>
internal enum ChangePolicy
{
    Update,
    Ignore,
}

/// <summary>Reading <c>on_change</c>, and sorting a batch for a message target.</summary>
internal static class ChangePolicies
{
    public const string Key = "on_change";

    public static ChangePolicy Read(TargetSettings settings) =>
        settings.Choice(Key) == "ignore" ? ChangePolicy.Ignore : ChangePolicy.Update;

    /// <summary>Which reports a message target sends: those never sent (all of them with <c>--resend</c>) as full
    /// messages; those sent whose report changed since as updates carrying the change (with <c>on_change: update</c>).
    /// A changed report listing the same commits at the same levels (only its wording changed) tells the reader
    /// nothing new: it is recorded as delivered without a message.</summary>
    public static async Task<MessageWork> SortAsync(
        string target, PublishBatch batch, PublishLedger ledger, ChangePolicy policy, CancellationToken cancellationToken)
    {
        var pending = new List<(PublishedReport, ReportChange?)>();
        var skipped = 0;
        foreach (var report in batch.Reports)
        {
            var previous = batch.Resend ? null : await ledger.FindAsync(target, report, cancellationToken).ConfigureAwait(false);
            if (previous is null)
            {
                pending.Add((report, null));
                continue;
            }
            skipped++;
            if (previous.Hash == report.Hash || policy == ChangePolicy.Ignore)
            {
                continue;
            }
            var change = ReportChange.Between(previous.Contents, report.Report);
            if (change.IsEmpty)
            {
                await ledger.RecordAsync(target, report, previous.Location, batch.Now, cancellationToken).ConfigureAwait(false);
                continue;
            }
            skipped--;
            pending.Add((report, change));
        }
        return new MessageWork(pending, skipped);
    }
}

/// <summary>What a message target has to send: each report with its change (null: the full message), and how many
/// reports need nothing.</summary>
internal sealed record MessageWork(IReadOnlyList<(PublishedReport Report, ReportChange? Change)> Pending, int Skipped);
