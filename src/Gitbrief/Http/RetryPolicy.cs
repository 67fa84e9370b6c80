using System.Diagnostics.CodeAnalysis;
using Polly;
using Polly.Retry;

namespace Gitbrief.Http;

/// <summary>How an HTTP client of Gitbrief retries, the one resilience setup of the LLM client, the GitHub client
/// and the webhooks: up to <see cref="MaxRetries"/> more attempts after the first, exponential back-off with jitter
/// from <see cref="FirstDelay"/>, and the server's own wait (Retry-After, a rate limit's reset) honoured instead of
/// the back-off — up to <see cref="MaxServerWait"/>; an attempt whose server asks for longer is not retried, so
/// the caller fails with a clear message rather than hang. Each client builds its pipeline once and every request
/// shares it.</summary>
internal sealed record RetryPolicy(int MaxRetries, TimeSpan FirstDelay, TimeSpan MaxServerWait)
{
    /// <summary>Added to a server's wait: timers may fire a moment early, and the wait is a minimum.</summary>
    public static readonly TimeSpan ServerWaitMargin = TimeSpan.FromMilliseconds(250);

    /// <summary>The retry pipeline. <paramref name="serverWait"/> reads the wait an outcome asks for (null: none);
    /// <paramref name="shouldRetry"/> says whether the outcome is worth another attempt, and is asked only when the
    /// server's wait (if any) is within <see cref="MaxServerWait"/>.</summary>
    public ResiliencePipeline<T> Build<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(TimeProvider time, Func<Outcome<T>, TimeSpan?> serverWait, Func<Outcome<T>, bool> shouldRetry)
    {
        if (MaxRetries <= 0)
        {
            return ResiliencePipeline<T>.Empty;
        }
        return new ResiliencePipelineBuilder<T> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<T>
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay,
                MaxDelay = MaxServerWait + ServerWaitMargin,
                ShouldHandle = args => ValueTask.FromResult(Honours(serverWait(args.Outcome)) && shouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(serverWait(args.Outcome) is { } wait ? wait + ServerWaitMargin : (TimeSpan?)null),
            })
            .Build();
    }

    private bool Honours(TimeSpan? serverWait) => serverWait is not { } wait || wait <= MaxServerWait;
}
