namespace Gitbrief.Site;

/// <summary>A high-importance commit as the feeds list it: its link, title and author.</summary>
internal sealed record DaySummaryCommit(string? Url, string Title, string Author);
