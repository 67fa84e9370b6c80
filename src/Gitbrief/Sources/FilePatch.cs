namespace Gitbrief.Sources;

/// <summary>The unified diff of one file of a commit: the header lines (diff --git, index, ---/+++) and its hunks.</summary>
internal sealed record FilePatch(string Path, string Header, IReadOnlyList<string> Hunks)
{
    /// <summary>Hunks of the file not kept when its diff was read (<see cref="PatchReader"/> keeps a bounded part of a
    /// huge diff): they exist, and the prompt says so, but their text was never held.</summary>
    public int HunksLeftOut { get; init; }

    /// <summary>Every hunk of the file, kept or left out.</summary>
    public int HunkCount => Hunks.Count + HunksLeftOut;

    public string Text => Header + string.Concat(Hunks);
}
