using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace HaloAgent.Server.Tests.Auth;

/// <summary>
/// The in-process test server has no real peer address: this startup filter (test-only) sets the connection's remote
/// address from a request header before anything else runs, so tests can act as several machines or as a proxy.
/// </summary>
public sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers[Header].FirstOrDefault() is { } given
                ? IPAddress.Parse(given)
                : IPAddress.Loopback;
            context.Request.Headers.Remove(Header);
            await nextMiddleware(context);
        });
        next(app);
    };
}
