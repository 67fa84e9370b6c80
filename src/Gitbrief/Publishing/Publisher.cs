using Gitbrief.Common;

namespace Gitbrief.Publishing;

/// <summary>Delivers a batch to every target at once. A failing target never stops the others; its error
/// (one line, secret-free) is in its outcome, and what it delivered before failing stays in the ledger.</summary>
internal sealed class Publisher(IReadOnlyList<IPublishTarget> targets, PublishLedger ledger)
{
    public async Task<IReadOnlyList<TargetOutcome>> PublishAsync(PublishBatch batch, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(targets.Select(target => PublishAsync(target, batch, cancellationToken))).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>The targets that deliver report files, in every language written; the others (chat, mail, issues)
    /// deliver the reports in the batch's language only.</summary>
    private static readonly string[] FileKinds = ["dir", "git", "site"];

    private async Task<TargetOutcome> PublishAsync(IPublishTarget target, PublishBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            var reports = FileKinds.Contains(target.Kind, StringComparer.Ordinal) ? batch : batch.InItsLanguage();
            return await target.PublishAsync(reports, ledger, cancellationToken).ConfigureAwait(false);
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
        var message = e.Message.Split('\n', 2)[0].Trim();
        return e is GitbriefException or HttpRequestException or IOException ? message : $"{e.GetType().Name}: {message}";
    }
}
