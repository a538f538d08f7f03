using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HaloAgent.Server.Auth;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Startup.Observability;

/// <summary>
/// Who may read <c>/metrics</c>: a request from loopback (unless turned off), one carrying the configured bearer token,
/// or a signed-in platform admin. Anyone else gets 401, so the endpoint is not public on the internet by default.
/// </summary>
public static class MetricsAccess
{
    public static bool IsAllowed(IPAddress? remote, string? authorization, ClaimsPrincipal? user, TelemetryOptions options)
    {
        if (options.MetricsFromLoopback && remote is not null && IPAddress.IsLoopback(remote))
        {
            return true;
        }

        if (!string.IsNullOrEmpty(options.MetricsToken) && authorization is not null
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(options.MetricsToken)))
        {
            return true;
        }

        return user?.Identity?.IsAuthenticated == true && user.IsInRole(AuthPolicies.Admin);
    }

    /// <summary>Runs in front of the exporter on the <c>/metrics</c> branch.</summary>
    public static async Task GuardAsync(HttpContext context, Func<Task> next)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<TelemetryOptions>>().CurrentValue;
        if (IsAllowed(context.Connection.RemoteIpAddress, context.Request.Headers.Authorization.ToString(), context.User, options))
        {
            await next();
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsJsonAsync(new
        {
            status = 401,
            title = "Metrics need a token",
            detail = "Read /metrics from loopback, with 'Authorization: Bearer <HaloAgent:Telemetry:MetricsToken>', or signed in as an admin.",
        });
    }
}
