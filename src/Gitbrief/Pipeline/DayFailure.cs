namespace Gitbrief.Pipeline;

/// <summary>A day of a repository that could not be reported, and why (one line).</summary>
public sealed record DayFailure(DateOnly Day, string Reason);
