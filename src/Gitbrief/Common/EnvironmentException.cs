namespace Gitbrief.Common;

/// <summary>A fault of the machine, not of gitbrief: a full or read-only disk, an I/O error, a permission, a port
/// in use. Exit code 1; the message says what failed, where, and what to do. What was finished is kept.</summary>
public sealed class EnvironmentException : GitbriefException
{
    public EnvironmentException(string message)
        : base(message)
    {
    }

    public EnvironmentException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
