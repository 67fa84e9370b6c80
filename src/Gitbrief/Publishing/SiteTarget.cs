using Gitbrief.Configuration;
using Gitbrief.Site;

namespace Gitbrief.Publishing;

/// <summary><c>site</c>: rebuilds the static site (<see cref="SiteBuilder"/>) from every JSON report in the output
/// directory after a run, into <c>path:</c> (default <c>site</c>, relative like <c>dir</c>'s path). Optional
/// <c>base_url:</c> makes feed links absolute. Reports are recorded in the ledger like the other targets; the site
/// is rebuilt every run (unchanged files are not rewritten).</summary>
internal sealed class SiteTarget(string id, SiteOptions options) : IPublishTarget
{
    public string Id => id;

    public string Kind => "site";

    public static IPublishTarget Create(TargetSettings settings, PublishContext context)
    {
        if (!context.Formats.Contains("json", StringComparer.Ordinal))
        {
            throw settings.Error("type", "publish target 'site' is built from the JSON reports: add json to the formats");
        }
        var parent = Path.GetDirectoryName(context.OutputDirectory) ?? ".";
        var path = Path.GetFullPath(settings.String("path") ?? "site", parent);
        if (string.Equals(path.TrimEnd(Path.DirectorySeparatorChar), context.OutputDirectory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw settings.Error("path", "'path' must not be the reports directory itself");
        }
        string? baseUrl = null;
        if (settings.String("base_url") is { } url)
        {
            try
            {
                baseUrl = SiteOptions.NormalizeBaseUrl(url);
            }
            catch (Common.UsageException)
            {
                throw settings.Error("base_url", $"'base_url' must be an absolute http(s) URL, not '{url}'");
            }
        }
        return new SiteTarget(settings.Identity("site:" + path), new SiteOptions(context.OutputDirectory, path) { BaseUrl = baseUrl });
    }

    public async Task<TargetOutcome> PublishAsync(PublishBatch batch, PublishLedger ledger, CancellationToken cancellationToken)
    {
        await SiteBuilder.BuildAsync(options with { DefaultLanguage = batch.Language }, cancellationToken).ConfigureAwait(false);
        return await ledger.DeliverEachAsync(Id, batch, _ => Task.FromResult<string?>(options.OutputDirectory), cancellationToken).ConfigureAwait(false);
    }
}
