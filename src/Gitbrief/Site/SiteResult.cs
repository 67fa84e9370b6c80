namespace Gitbrief.Site;

/// <summary>What a site build did: repository-days read, files in the site, files created or changed, and pages left
/// as they were because nothing they show had changed.</summary>
public sealed record SiteResult(string OutputDirectory, int Reports, int Files, int Changed, int Reused);
