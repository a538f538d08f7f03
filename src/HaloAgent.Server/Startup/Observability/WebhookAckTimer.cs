using System.Diagnostics;
using HaloAgent.Channels;

namespace HaloAgent.Server.Startup.Observability;

/// <summary>
/// Times every webhook (and web chat post) from the first middleware to the answer: what the provider waits for
/// before it considers the event delivered. Recorded in <c>haloagent.webhook.ack.duration</c> by provider and status.
/// </summary>
public static class WebhookAckTimer
{
    private static readonly HashSet<string> Providers = new(StringComparer.OrdinalIgnoreCase) { "whatsapp", "twilio", "paystack" };

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var provider = ProviderOf(context.Request);
        if (provider is null)
        {
            await next();
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next();
        }
        finally
        {
            context.RequestServices.GetService<ChannelsMetrics>()?.WebhookAcked(provider, context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The provider a POST is a webhook of (a bounded set, so the label cannot grow), or null when it is none.</summary>
    internal static string? ProviderOf(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        if (request.Path.StartsWithSegments("/webhooks", out var rest))
        {
            var name = rest.Value?.Trim('/') ?? "";
            return Providers.Contains(name) ? name.ToLowerInvariant() : "other";
        }

        // POST /api/webchat/{slug}/messages is the web chat's webhook: stored in the same inbox, answered 202.
        var segments = request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments is ["api", "webchat", _, "messages"] ? "webchat" : null;
    }
}
