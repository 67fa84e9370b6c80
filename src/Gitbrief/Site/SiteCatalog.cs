using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>The reports a site is built from: every day (by repository name, newest first), the language of the
/// site's own pages, the inputs as the next manifest records them, and the reports this build has already parsed.</summary>
internal sealed record SiteCatalog(
    IReadOnlyList<SiteDay> Days,
    ReportLanguage SiteLanguage,
    IReadOnlyList<SiteManifestInput> Inputs,
    IReadOnlyDictionary<string, JsonReport> Read);
