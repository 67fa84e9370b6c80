using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Gitbrief.Server.Dashboard;

/// <summary>HTTP basic authentication in front of every page of the dashboard, when <c>server.dashboard.password_env</c>
/// is set (required for any address but loopback). Compared in constant time; a wrong or missing password gets 401
/// and nothing else.</summary>
internal sealed class BasicAuthentication(string user, string password)
{
    private readonly byte[] expected = Encoding.UTF8.GetBytes(user + ":" + password);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Authorized(context.Request.Headers.Authorization.ToString()))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"gitbrief\", charset=\"UTF-8\"";
    }

    private bool Authorized(string header)
    {
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromBase64String(header[scheme.Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}

/// <summary>Hangfire's dashboard asks its own filters too: the basic authentication above (or loopback binding)
/// has already decided.</summary>
internal sealed class AlreadyAuthorized : Hangfire.Dashboard.IDashboardAuthorizationFilter
{
    public bool Authorize(Hangfire.Dashboard.DashboardContext context) => true;
}
