using System.Text;

namespace Gitbrief.Sources.GitHubApi;

/// <summary>Turns the <c>patch</c> text of one file of a GitHub commit (its hunks, without the diff header)
/// into a <see cref="FilePatch"/>: a git-style header is written for it and the text is split at every "@@".</summary>
internal static class ApiPatchParser
{
    public static FilePatch? Parse(FilePayload file)
    {
        if (file.Patch is null)
        {
            return null;
        }
        var status = GitHubCommitMapper.Status(file.Status);
        var oldPath = status is FileStatus.Renamed or FileStatus.Copied && file.PreviousFilename is { } previous ? previous : file.Filename;
        var header = new StringBuilder().Append("diff --git a/").Append(oldPath).Append(" b/").Append(file.Filename).Append('\n');
        if (status is FileStatus.Renamed)
        {
            header.Append("rename from ").Append(oldPath).Append("\nrename to ").Append(file.Filename).Append('\n');
        }
        else if (status is FileStatus.Copied)
        {
            header.Append("copy from ").Append(oldPath).Append("\ncopy to ").Append(file.Filename).Append('\n');
        }
        header.Append(status == FileStatus.Added ? "--- /dev/null\n" : $"--- a/{oldPath}\n");
        header.Append(status == FileStatus.Deleted ? "+++ /dev/null\n" : $"+++ b/{file.Filename}\n");
        return new FilePatch(file.Filename, header.ToString(), Hunks(file.Patch));
    }

    /// <summary>The hunks of a patch, each from its "@@" line, every line ending with \n.</summary>
    public static IReadOnlyList<string> Hunks(string patch)
    {
        var hunks = new List<string>();
        var text = patch.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            text += "\n";
        }
        StringBuilder? current = null;
        foreach (var line in text.Split('\n')[..^1])
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    hunks.Add(current.ToString());
                }
                current = new StringBuilder();
            }
            current?.Append(line).Append('\n');
        }
        if (current is not null)
        {
            hunks.Add(current.ToString());
        }
        return hunks;
    }
}
