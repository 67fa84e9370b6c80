namespace Gitbrief.Site;

/// <summary>One report as the last site build saw it; <see cref="Path"/> is relative to the reports directory, with '/'.</summary>
internal sealed record SiteManifestInput(string Path, long Length, long Modified, string Hash, DaySummary Summary);
