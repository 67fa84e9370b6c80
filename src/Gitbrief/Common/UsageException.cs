namespace Gitbrief.Common;

/// <summary>Bad command-line arguments or configuration: exit code 2.</summary>
public sealed class UsageException(string message) : GitbriefException(message);
