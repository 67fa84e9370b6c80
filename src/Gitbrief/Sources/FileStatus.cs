namespace Gitbrief.Sources;

/// <summary>How a file changed in a commit, as git's raw diff letters A/M/D/R/C/T.</summary>
internal enum FileStatus
{
    Added,
    Modified,
    Deleted,
    Renamed,
    Copied,
    TypeChanged,
}
