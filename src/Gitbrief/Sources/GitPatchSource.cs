namespace Gitbrief.Sources;

/// <summary>Patches from a git directory, one <c>git show</c> per commit (<see cref="PatchReader"/>).</summary>
internal sealed class GitPatchSource(string gitDirectory) : IPatchSource
{
    public string GitDirectory { get; } = gitDirectory;

    public Task<IReadOnlyDictionary<string, FilePatch>> ReadAsync(string sha, CancellationToken cancellationToken) =>
        PatchReader.ReadAsync(GitDirectory, sha, cancellationToken);
}
