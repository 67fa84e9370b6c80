namespace Gitbrief.Sources;

internal static class FileStatusCodes
{
    public static string Letter(this FileStatus status) => status switch
    {
        FileStatus.Added => "A",
        FileStatus.Modified => "M",
        FileStatus.Deleted => "D",
        FileStatus.Renamed => "R",
        FileStatus.Copied => "C",
        FileStatus.TypeChanged => "T",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static FileStatus? FromLetter(char letter) => letter switch
    {
        'A' => FileStatus.Added,
        'M' => FileStatus.Modified,
        'D' => FileStatus.Deleted,
        'R' => FileStatus.Renamed,
        'C' => FileStatus.Copied,
        'T' => FileStatus.TypeChanged,
        _ => null,
    };
}
