using Gitbrief.Common;

namespace Gitbrief.Publishing;

/// <summary>Delivers a batch to every target at once. A failing target never stops the others; its error
/// (one line, secret-free) is in its outcome, and what it delivered before failing stays in the ledger.
/// Each target first claims its reports in the ledger, so two runs never deliver the same report at once.
/// Chat, mail and issue targets hold back the reports of days not over yet unless the batch allows them.</summary>
internal sealed class Publisher(IReadOnlyList<IPublishTarget> targets, PublishLedger ledger)
{
    /// <summary>The targets that deliver report files, in every language written and partial days too. The others
    /// send messages people read once (chat, mail, issues): the batch's language only, and no day that is not over,
    /// which would stand for the real one.</summary>
    private static readonly HashSet<string> FileKinds = new(StringComparer.Ordinal) { "dir", "git", "site" };

    public async Task<IReadOnlyList<TargetOutcome>> PublishAsync(PublishBatch batch, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(targets.Select(target => PublishAsync(target, batch, cancellationToken))).ConfigureAwait(false);
        return outcomes;
    }

    private async Task<TargetOutcome> PublishAsync(IPublishTarget target, PublishBatch batch, CancellationToken cancellationToken)
    {
        var deliversFiles = FileKinds.Contains(target.Kind);
        var heldBack = !batch.AllowPartial && !deliversFiles
            ? batch.Reports.Where(r => r.Report.Partial).ToList()
            : [];
        if (heldBack.Count > 0)
        {
            batch = batch with { Reports = [.. batch.Reports.Except(heldBack)] };
        }
        try
        {
            var reports = deliversFiles ? batch : batch.InItsLanguage();
            await using var claim = await ledger.ClaimAsync(target.Id, reports.Reports, cancellationToken).ConfigureAwait(false);
            var outcome = await target.PublishAsync(reports, ledger, cancellationToken).ConfigureAwait(false);
            return outcome with { HeldBack = [.. heldBack.Select(r => $"{r.Repository} {r.IsoDate}")] };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return new TargetOutcome(target.Id, 0, 0, 0, SecretRedactor.Redact(Describe(e)));
        }
    }

    private static string Describe(Exception e)
    {
        if (EnvironmentFaults.DescribeAny(e) is { } fault)
        {
            return fault;
        }
        var message = e.Message.Split('\n', 2)[0].Trim();
        return e is GitbriefException or HttpRequestException ? message : $"{e.GetType().Name}: {message}";
    }
}
