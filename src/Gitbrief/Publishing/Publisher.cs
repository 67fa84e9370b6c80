using Gitbrief.Common;

namespace Gitbrief.Publishing;

/// <summary>Delivers a batch to every target at once. A failing target never stops the others; its error
/// (one line, secret-free) is in its outcome, and what it delivered before failing stays in the ledger.
/// Each target first claims its reports in the ledger, so two runs never deliver the same report at once.
/// Chat, mail and issue targets hold back the reports of days not over yet unless the batch allows them.</summary>
internal sealed class Publisher(IReadOnlyList<IPublishTarget> targets, PublishLedger ledger)
{
    /// <summary>Targets that send messages people read once: a partial day would stand for the real one.</summary>
    private static readonly HashSet<string> MessageKinds = new(StringComparer.Ordinal) { "email", "github-issue", "webhook" };

    public async Task<IReadOnlyList<TargetOutcome>> PublishAsync(PublishBatch batch, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(targets.Select(target => PublishAsync(target, batch, cancellationToken))).ConfigureAwait(false);
        return outcomes;
    }

    private async Task<TargetOutcome> PublishAsync(IPublishTarget target, PublishBatch batch, CancellationToken cancellationToken)
    {
        var heldBack = !batch.AllowPartial && MessageKinds.Contains(target.Kind)
            ? batch.Reports.Where(r => r.Report.Partial).ToList()
            : [];
        if (heldBack.Count > 0)
        {
            batch = batch with { Reports = [.. batch.Reports.Except(heldBack)] };
        }
        try
        {
            await using var claim = await ledger.ClaimAsync(target.Id, batch.Reports, cancellationToken).ConfigureAwait(false);
            var outcome = await target.PublishAsync(batch, ledger, cancellationToken).ConfigureAwait(false);
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
