namespace Gitbrief.Sources;

/// <summary>A commit author or committer as git records it (mailmap applied).</summary>
internal sealed record Person(string Name, string Email);
