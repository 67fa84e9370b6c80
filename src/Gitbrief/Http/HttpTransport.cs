using System.Net;

namespace Gitbrief.Http;

/// <summary>The sockets under every HTTP client of Gitbrief: pooled connections renewed every few minutes (DNS
/// changes are seen), a bounded connect time-out, and no overall HttpClient time-out — each client times out
/// its own attempts, so a retry gets a fresh budget.</summary>
internal static class HttpTransport
{
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A new handler. <paramref name="followRedirects"/>: false where a redirect could carry a secret
    /// (a webhook URL holds its token) somewhere else. <paramref name="decompress"/>: for whole JSON answers
    /// (not for streams read as they arrive).</summary>
    public static SocketsHttpHandler Handler(TimeSpan? connectTimeout = null, bool followRedirects = true, bool decompress = false) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = connectTimeout ?? DefaultConnectTimeout,
        AllowAutoRedirect = followRedirects,
        AutomaticDecompression = decompress ? DecompressionMethods.All : DecompressionMethods.None,
    };

    /// <summary>A client over <paramref name="handler"/> without an overall time-out.</summary>
    public static HttpClient Client(HttpMessageHandler handler, long? maxResponseBytes = null)
    {
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        if (maxResponseBytes is { } max)
        {
            client.MaxResponseContentBufferSize = max;
        }
        return client;
    }
}
