namespace Gitbrief.Analysis.Llm;

/// <summary>Notices an LLM endpoint that is down. After <see cref="Threshold"/> connection failures in a row (no
/// HTTP answer at all: refused, unreachable, unknown host) the endpoint is taken as down for the rest of the run:
/// <see cref="Down"/> is cancelled, so retries waiting their back-off stop at once and no further request is sent;
/// every analysis left falls back to the rules at once. Any HTTP answer, even an error, resets the count.</summary>
internal sealed class EndpointBreaker : IDisposable
{
    public const int Threshold = 3;

    private readonly CancellationTokenSource down = new();
    private readonly Lock gate = new();
    private int failures;
    private string? reason;

    /// <summary>Cancelled once the endpoint is taken as down.</summary>
    public CancellationToken Down => down.Token;

    public bool IsDown => down.IsCancellationRequested;

    /// <summary>Why the endpoint is taken as down (one line), for every analysis that falls back because of it.</summary>
    public string Reason
    {
        get
        {
            lock (gate)
            {
                return reason ?? "the LLM endpoint is unreachable";
            }
        }
    }

    public void Answered() => Interlocked.Exchange(ref failures, 0);

    /// <summary>Counts a connection failure (<paramref name="what"/>: its one-line description).</summary>
    public void ConnectionFailed(string what)
    {
        if (Interlocked.Increment(ref failures) < Threshold)
        {
            return;
        }
        lock (gate)
        {
            if (reason is not null)
            {
                return;
            }
            reason = $"the LLM endpoint is unreachable ({Threshold} connection failures in a row, the last: {what}); not asked again in this run";
        }
        down.Cancel();
    }

    public void Dispose() => down.Dispose();
}
