namespace Gitbrief.Sources;

/// <summary>The unified diff of one file of a commit: the header lines (diff --git, index, ---/+++) and its hunks.</summary>
internal sealed record FilePatch(string Path, string Header, IReadOnlyList<string> Hunks)
{
    public string Text => Header + string.Concat(Hunks);
}
