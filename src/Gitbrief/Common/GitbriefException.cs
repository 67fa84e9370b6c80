namespace Gitbrief.Common;

/// <summary>An expected failure with a one-line message for the user (what went wrong and where).
/// The message is redacted of secrets when created.</summary>
public class GitbriefException : Exception
{
    public GitbriefException(string message)
        : base(SecretRedactor.Redact(message))
    {
    }

    public GitbriefException(string message, Exception inner)
        : base(SecretRedactor.Redact(message), inner)
    {
    }
}

/// <summary>Bad command-line arguments or configuration: exit code 2.</summary>
public sealed class UsageException(string message) : GitbriefException(message);

/// <summary>A repository could not be fetched or read: that repository fails, the others go on.</summary>
public class RepositoryException(string message) : GitbriefException(message);
