using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Publishing;
using Gitbrief.Publishing.Webhooks;
using Gitbrief.Simulators;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Publishing;

/// <summary>The webhook target builds its retry pipeline once: every message of every publish shares it (it was
/// built again for each message), and each message is still retried on its own.</summary>
public sealed class WebhookRetryPipelineTests : IAsyncLifetime
{
    private const string Day = "2026-01-12";
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("widgets");
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync("slack");

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        repo.Dispose();
        workspace.Dispose();
    }

    [Fact]
    public async Task One_retry_pipeline_serves_every_message_and_each_is_retried()
    {
        repo.Write("src/a.py", "a = 1\n").Commit("feat: first feature", "2026-01-12T10:00:00+08:00");
        var summary = await workspace.RunAsync(new ReportArguments { Repositories = [repo.Path], Date = Day });
        var report = summary.Repositories.Single().Reports.Single().Published!;
        var settings = TargetSettings.From("webhook", new Dictionary<string, object> { ["flavor"] = "slack", ["url_env"] = "GB_HOOK_URL" });
        var context = new PublishContext(name => name == "GB_HOOK_URL" ? receiver.Url : null, workspace.Out, workspace.Cache, ["md"], TimeProvider.System);
        var target = WebhookTarget.Create(settings, context, WebhookHttpOptions.Default with { RetryDelay = TimeSpan.FromMilliseconds(1) });
        var pipeline = target.Retries;
        // The first attempt of every message is a 503: each message needs its retry.
        receiver.Faults = n => n % 2 == 1 ? WebhookFault.ServerError(503) : null;
        var ledger = new PublishLedger(null);

        for (var i = 0; i < 3; i++)
        {
            var batch = new PublishBatch([report], report.Language, Resend: true, DateTimeOffset.UtcNow);
            var outcome = await target.PublishAsync(batch, ledger, CancellationToken.None);
            Assert.Equal(new TargetOutcome(target.Id, 1, 0, 0), outcome);
        }

        Assert.Equal(6, receiver.Requests);
        Assert.Equal(3, receiver.Messages.Count);
        Assert.Same(pipeline, target.Retries);
    }
}
