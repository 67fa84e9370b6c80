using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>A changed file with the role the classifier gave it.</summary>
internal sealed record ClassifiedFile(FileChange Change, FileRole Role)
{
    /// <summary>Whether its lines count toward the commit's size (not lockfiles, generated, vendored, binary).</summary>
    public bool IsMeaningful => Role is not (FileRole.Lockfile or FileRole.Generated or FileRole.Vendored or FileRole.Binary);
}
