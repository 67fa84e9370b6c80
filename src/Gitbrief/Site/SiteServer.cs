using System.Net;

namespace Gitbrief.Site;

/// <summary>Serves a built site on 127.0.0.1 only (HttpListener): GET and HEAD of files below the site directory,
/// "/" and directories as their index.html, nothing outside it (no traversal, no symbolic link leading out, no
/// hidden file, no listing). Runs until cancelled.</summary>
internal sealed class SiteServer(string directory, int port)
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".atom"] = "application/atom+xml; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".txt"] = "text/plain; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
    };

    private readonly string root = Path.GetFullPath(directory);

    /// <summary>The site directory with its own symbolic links resolved: what every served file must be below.</summary>
    private readonly string realRoot = RealPath.Of(Path.GetFullPath(directory)) ?? Path.GetFullPath(directory);

    public string Url => $"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/";

    /// <summary>Starts listening (throws when the port is taken), calls <paramref name="started"/>, then serves until
    /// <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(Action<string> started, CancellationToken cancellationToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add(Url);
        try
        {
            listener.Start();
        }
        catch (HttpListenerException e)
        {
            // Not a bug but the machine's state: the command exits 1 with this line.
            var reason = e.ErrorCode is 98 or 48 or 10048 || e.Message.Contains("in use", StringComparison.OrdinalIgnoreCase)
                ? $"port {port.ToString(System.Globalization.CultureInfo.InvariantCulture)} is already in use; stop what uses it or pick another with --port"
                : e.Message;
            throw new Common.EnvironmentException($"cannot listen on {Url}: {reason}", e);
        }
        started(Url);
        await using var registration = cancellationToken.Register(listener.Stop);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }
            _ = Task.Run(() => ServeAsync(context, cancellationToken), CancellationToken.None);
        }
    }

    private async Task ServeAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        try
        {
            var method = context.Request.HttpMethod;
            if (method is not ("GET" or "HEAD"))
            {
                response.StatusCode = 405;
                response.AddHeader("Allow", "GET, HEAD");
                return;
            }
            var file = Resolve(context.Request.Url?.AbsolutePath ?? "/");
            if (file is null)
            {
                response.StatusCode = 404;
                response.ContentType = "text/plain; charset=utf-8";
                var notFound = "404 not found\n"u8.ToArray();
                response.ContentLength64 = notFound.Length;
                if (method == "GET")
                {
                    await response.OutputStream.WriteAsync(notFound, cancellationToken).ConfigureAwait(false);
                }
                return;
            }
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            response.StatusCode = 200;
            response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            response.AddHeader("Content-Security-Policy", PageShell.ContentSecurityPolicy);
            response.AddHeader("X-Content-Type-Options", "nosniff");
            response.AddHeader("Cache-Control", "no-cache");
            response.ContentLength64 = bytes.Length;
            if (method == "GET")
            {
                await response.OutputStream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or HttpListenerException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping: nothing to report.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Already closed.
            }
        }
    }

    /// <summary>The file a URL path names inside the site, with its symbolic links resolved, or null (missing,
    /// hidden, or outside the root — also through a link).</summary>
    internal string? Resolve(string urlPath)
    {
        var decoded = Uri.UnescapeDataString(urlPath);
        if (decoded.Contains('\0', StringComparison.Ordinal) || decoded.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }
        var segments = decoded.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s.StartsWith('.')))
        {
            return null;
        }
        var candidate = Path.GetFullPath(Path.Combine([root, .. segments]));
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (candidate != root && !candidate.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            return null;
        }
        if (Directory.Exists(candidate))
        {
            candidate = Path.Combine(candidate, "index.html");
        }
        var real = RealPath.Of(candidate);
        if (real is null || !RealPath.IsWithin(real, realRoot) || Path.GetRelativePath(realRoot, real).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.')))
        {
            return null;
        }
        return File.Exists(real) ? real : null;
    }
}
