namespace Gitbrief.Simulators;

/// <summary>What a scripted request does instead of (or around) a normal answer.</summary>
public enum FaultKind
{
    /// <summary>429 with Retry-After (seconds) and x-ratelimit headers.</summary>
    RateLimit,
    /// <summary>An HTTP error status (500, 502, 503…) with an OpenAI-style error body.</summary>
    ServerError,
    /// <summary>Says nothing for <see cref="SimulatedFault.Duration"/> (past the client's time-out).</summary>
    Stall,
    /// <summary>Half the JSON, finish_reason "length".</summary>
    Truncated,
    /// <summary>Text that is not JSON.</summary>
    InvalidJson,
    /// <summary>The JSON wrapped in prose and a code fence (valid once extracted).</summary>
    Prose,
    /// <summary>400 refusing the response_format (as servers without structured output do).</summary>
    RefuseFormat,
}

public sealed record SimulatedFault(FaultKind Kind, int Status = 0, TimeSpan Duration = default, double RetryAfterSeconds = 0)
{
    public static SimulatedFault RateLimit(double retryAfterSeconds) => new(FaultKind.RateLimit, 429, RetryAfterSeconds: retryAfterSeconds);
    public static SimulatedFault Error(int status) => new(FaultKind.ServerError, status);
    public static SimulatedFault Stall(TimeSpan duration) => new(FaultKind.Stall, Duration: duration);
    public static SimulatedFault Truncated { get; } = new(FaultKind.Truncated);
    public static SimulatedFault InvalidJson { get; } = new(FaultKind.InvalidJson);
    public static SimulatedFault Prose { get; } = new(FaultKind.Prose);
    public static SimulatedFault RefuseFormat { get; } = new(FaultKind.RefuseFormat, 400);
}
