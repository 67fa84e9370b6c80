namespace Gitbrief.Sources;

/// <summary>What one file section of a patch (from its <c>diff --git</c> line to the next) says of the file's change:
/// its added and removed lines, whether git called it binary ("Binary files … differ"), whether it has any hunk.</summary>
internal sealed record PatchCount(int Additions, int Deletions, bool Binary, bool HasHunks);
