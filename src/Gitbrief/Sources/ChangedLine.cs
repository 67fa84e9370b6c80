namespace Gitbrief.Sources;

/// <summary>One line a commit added or removed in a file, as the diff shows it (without the leading + or -).</summary>
internal readonly record struct ChangedLine(string Path, bool Added, string Text);
