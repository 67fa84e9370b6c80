namespace Gitbrief.Sources;

/// <summary>Patches from a git directory: the one kept from the window's read when there is one (<see cref="KeptPatches"/>),
/// else one <c>git show</c> per commit (<see cref="PatchReader"/>).</summary>
internal sealed class GitPatchSource(string gitDirectory, KeptPatches? kept = null) : IPatchSource
{
    public string GitDirectory { get; } = gitDirectory;

    public Task<IReadOnlyDictionary<string, FilePatch>> ReadAsync(string sha, CancellationToken cancellationToken) =>
        kept is not null && kept.TryTake(sha, out var patch) ? Task.FromResult(patch) : PatchReader.ReadAsync(GitDirectory, sha, cancellationToken);
}
