using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Auth.Sessions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// <c>GET /api/stream</c>: Server-Sent Events for the signed-in user's business (<c>order.created</c>,
/// <c>order.updated</c>, <c>payment.review</c>, <c>conversation.updated</c>). Each connection polls the shared database
/// (see <see cref="DashboardChangeFeed"/>) and sends a comment line as a heartbeat when it has been quiet. A stream
/// outlives the request that checked its session, so it checks the session again as it goes: once the session is
/// signed out (here, "everywhere", or by a password change) it sends <c>session.ended</c> and closes.
/// </summary>
public static class StreamApi
{
    public static IEndpointRouteBuilder MapStreamApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stream", async (
                HttpContext context, ClaimsPrincipal user, DashboardChangeFeed feed, SessionStore sessions, IOptions<DashboardOptions> options,
                IOptions<JsonOptions> json, ILoggerFactory loggers) =>
            {
                var cancellationToken = context.RequestAborted;
                var logger = loggers.CreateLogger(typeof(StreamApi));
                var response = context.Response;
                response.ContentType = "text/event-stream";
                response.Headers.CacheControl = "no-cache";
                response.Headers["X-Accel-Buffering"] = "no"; // nginx would otherwise hold events back
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

                try
                {
                    var cursor = await feed.StartAsync(user.BusinessId(), cancellationToken);
                    // Headers and a first line at once: the browser's EventSource reports "open" before anything happens.
                    await WriteAsync(response, "retry: 3000\n: connected\n\n", cancellationToken);
                    var quiet = Stopwatch.StartNew();
                    using var timer = new PeriodicTimer(options.Value.StreamPollInterval);
                    while (await timer.WaitForNextTickAsync(cancellationToken))
                    {
                        // Cheap: the session store answers from this node's cache between its periodic reads.
                        if (user.SessionId() is { } sessionId && await sessions.ValidateAsync(sessionId, cancellationToken) is null)
                        {
                            await WriteAsync(response, "event: session.ended\ndata: {}\n\n", cancellationToken);
                            return;
                        }

                        IReadOnlyList<DashboardEvent> events;
                        try
                        {
                            events = await feed.PollAsync(cursor, cancellationToken);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            // A busy or briefly unreachable database: the next tick tries again; the stream stays open.
                            logger.LogWarning(e, "The dashboard stream could not read changes; retrying");
                            events = [];
                        }

                        foreach (var change in events)
                        {
                            var data = JsonSerializer.Serialize(change.Data, change.Data.GetType(), json.Value.SerializerOptions);
                            await WriteAsync(response, $"event: {change.Name}\ndata: {data}\n\n", cancellationToken);
                            quiet.Restart();
                        }

                        if (quiet.Elapsed >= options.Value.StreamHeartbeat)
                        {
                            await WriteAsync(response, ": heartbeat\n\n", cancellationToken);
                            quiet.Restart();
                        }
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The client went away: the normal end of a stream.
                }
            })
            .WithTags("Stream")
            .RequireAuthorization(AuthPolicies.ReadBusiness);
        return app;
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
