namespace Gitbrief.Common;

/// <summary>The kinds of disk faults, each with its own advice.</summary>
internal enum DiskFault
{
    Full,
    ReadOnly,
    Denied,
    Other,
}
