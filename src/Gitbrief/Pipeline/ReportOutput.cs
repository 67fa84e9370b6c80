namespace Gitbrief.Pipeline;

/// <summary>One report produced in a run.</summary>
public sealed record ReportOutput(string Repository, DateOnly Day, int Commits, IReadOnlyList<string> Files, string? Markdown)
{
    /// <summary>SHA-256 of the Markdown report.</summary>
    public string Hash { get; init; } = string.Empty;

    /// <summary>The day was not over: the report is marked partial.</summary>
    public bool Partial { get; init; }

    /// <summary>What the publish targets deliver: the report and its rendered text (set unless the repository failed).</summary>
    internal Publishing.PublishedReport? Published { get; init; }
}
