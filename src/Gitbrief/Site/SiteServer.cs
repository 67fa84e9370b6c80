using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gitbrief.Site;

/// <summary>Serves a built site on 127.0.0.1 only, with Kestrel and ASP.NET Core's static files: GET and HEAD of
/// files below the site directory, "/" and directories as their index.html, nothing outside it (no traversal, no
/// symbolic link leading out, no hidden file, no listing: <see cref="SiteFiles"/>). Runs until cancelled.</summary>
/// <remarks>Built on the empty web application builder: no configuration files, environment variables or logging
/// providers are read, so nothing in the directory it is started from changes what it serves or where it listens.</remarks>
public sealed class SiteServer(string directory, int port)
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

    private static readonly byte[] NotFound = "404 not found\n"u8.ToArray();

    public string Url => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");

    /// <summary>Starts listening (an <see cref="Common.EnvironmentException"/> when the port is taken), calls
    /// <paramref name="started"/>, then serves until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(Action<string> started, CancellationToken cancellationToken)
    {
        using var files = new SiteFiles(directory);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = Path.GetFullPath(directory) });
        builder.Services.AddLogging();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        await using var app = builder.Build();
        Configure(app, files);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            // Not a bug but the machine's state: the command exits 1 with this line.
            throw new Common.EnvironmentException(
                $"cannot listen on {Url}: port {port.ToString(CultureInfo.InvariantCulture)} is already in use; stop what uses it or pick another with --port", e);
        }
        started(Url);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: what was asked for.
        }
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Only GET and HEAD; directories as their index.html; the files with the site's headers; a plain 404 for
    /// anything else.</summary>
    private static void Configure(WebApplication app, SiteFiles files)
    {
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD";
                return;
            }
            await next(context).ConfigureAwait(false);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(ContentTypes),
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
            OnPrepareResponse = file =>
            {
                var headers = file.Context.Response.Headers;
                headers.ContentSecurityPolicy = PageShell.ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "no-cache";
            },
        });
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.ContentLength = NotFound.Length;
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(NotFound, context.RequestAborted).ConfigureAwait(false);
            }
        });
    }
}
