using Gitbrief.Publishing;
using Gitbrief.Store;

namespace Gitbrief.Pipeline;

/// <summary><c>gitbrief run</c>: the report job, then every publish target. Idempotent through the publish
/// ledger in the store: running the same day twice delivers nothing twice.</summary>
public sealed class DailyJob
{
    private readonly ReportRequest request;
    private readonly IReadOnlyList<IPublishTarget> targets;
    private readonly IRunObserver? observer;

    internal DailyJob(ReportRequest request, IReadOnlyList<IPublishTarget> targets, IRunObserver? observer = null)
    {
        this.request = request;
        this.targets = targets;
        this.observer = observer;
    }

    /// <summary>Re-send chat and mail messages already sent for these days.</summary>
    public bool Resend { get; init; }

    /// <summary>Deliver reports of days not over yet to chat, mail and issue targets too (<c>--allow-partial</c>).</summary>
    public bool AllowPartial { get; init; }

    /// <summary>URL template of an archived report (config <c>report_url</c>).</summary>
    public string? ReportUrl { get; init; }

    public async Task<RunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var summary = await new ReportJob(request, observer).RunAsync(cancellationToken).ConfigureAwait(false);
        if (request.DryRun)
        {
            return summary;
        }
        var reports = summary.Repositories.SelectMany(r => r.Reports).Select(r => r.Published).OfType<PublishedReport>();
        return summary with { Targets = await PublishAsync(reports, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Delivers reports already built to every target (a fleet's publish job: the reports its workers kept in
    /// the store), by repository and day, each once through the ledger.</summary>
    internal async Task<IReadOnlyList<TargetOutcome>> PublishAsync(IEnumerable<PublishedReport> built, CancellationToken cancellationToken)
    {
        var reports = built
            .OrderBy(r => r.Repository, StringComparer.Ordinal)
            .ThenBy(r => r.Day)
            .ToList();
        IGitbriefStore store;
        try
        {
            store = request.SharedStore ?? await StoreFactory.OpenAsync(request.Store, cancellationToken).ConfigureAwait(false);
        }
        catch (Common.EnvironmentException e)
        {
            // Without the ledger nothing can be delivered safely (it is what prevents a second delivery).
            return [.. targets.Select(t => new TargetOutcome(t.Id, 0, 0, 0, "nothing delivered: " + e.Message))];
        }
        await using var owned = request.SharedStore is null ? store : null;
        await using var claims = new ClaimKeeper(store);
        var batch = new PublishBatch(reports, request.MessageLanguage, Resend, DateTimeOffset.UtcNow) { ReportUrlTemplate = ReportUrl, AllowPartial = AllowPartial };
        var ledger = new PublishLedger(store, claims, message => observer?.Notice(message));
        return await new Publisher(targets, ledger).PublishAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets up the job from the request and the config's <c>publish:</c> list. Without one: the output
    /// directory, and the git archive that REPOSITORY names when it is set (the previous tool's variable). Target
    /// settings are validated here: a bad one is a usage error.</summary>
    public static DailyJob Create(
        ReportRequest request, Configuration.GitbriefConfig config, Func<string, string?>? environment = null, IRunObserver? observer = null, bool resend = false,
        bool allowPartial = false)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var context = new PublishContext(environment, request.OutputDirectory, request.CacheDirectory, request.Formats, TimeProvider.System);
        var settings = config.Publish.Count > 0 ? config.Publish : DefaultTargets(environment);
        return new DailyJob(request, PublishTargetFactory.Create(settings, context), observer) { Resend = resend, AllowPartial = allowPartial, ReportUrl = config.ReportUrl };
    }

    private static List<Configuration.TargetSettings> DefaultTargets(Func<string, string?> environment)
    {
        List<Configuration.TargetSettings> targets = [Configuration.TargetSettings.From("dir", new Dictionary<string, object>())];
        if (!string.IsNullOrWhiteSpace(environment(GitTarget.RepositoryVariable)))
        {
            targets.Add(Configuration.TargetSettings.From("git", new Dictionary<string, object>()));
        }
        return targets;
    }
}
