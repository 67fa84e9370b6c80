namespace Gitbrief.Analysis;

/// <summary>The source files a directory holds directly, and how many recent changes touched them.</summary>
internal readonly record struct DirectoryWeight(int Files, int Changes);
