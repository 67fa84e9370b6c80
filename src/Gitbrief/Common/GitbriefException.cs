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
