namespace Gitbrief.Pipeline;

/// <summary>The documented exit codes of the gitbrief command.</summary>
public static class ExitCodes
{
    /// <summary>Every repository was reported.</summary>
    public const int Success = 0;

    /// <summary>At least one repository failed; the others were still written. Also any expected failure that is
    /// not the user's input (serve: the port is in use), reported in one line.</summary>
    public const int RepositoryFailed = 1;

    /// <summary>Bad arguments or configuration; nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>Every report was written, but some commits' LLM analysis failed and the rules analysis stands in
    /// (the run lists which and why; the next run for those days retries exactly those).</summary>
    public const int LlmFallback = 3;

    /// <summary>gitbrief run: every report was written, but a publish target failed (the others delivered;
    /// running again delivers only what is missing).</summary>
    public const int PublishFailed = 4;

    /// <summary>An unexpected internal error (a bug); --debug shows the stack trace.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl+C / SIGTERM); what was finished is kept.</summary>
    public const int Cancelled = 130;
}
