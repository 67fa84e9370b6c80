namespace Gitbrief.Analysis;

/// <summary>One technical insight with a severity (low/medium/high) where it applies.</summary>
internal sealed record Insight(string Text, string? Severity = null);
