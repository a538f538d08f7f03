using System.Security.Cryptography;
using System.Text;
using HaloAgent.Channels.Inbox;
using HaloAgent.Channels.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.WhatsApp;

/// <summary>
/// <c>GET /webhooks/whatsapp</c> (Meta's verification handshake) and <c>POST /webhooks/whatsapp</c> (events). The POST
/// checks the signature over the raw bytes, stores the event in one insert and answers 200: no parsing, no agent, no send
/// on the request path. Unsigned or wrongly signed requests get 401 and leave nothing behind.
/// </summary>
public static class WhatsAppWebhookEndpoints
{
    public const string Path = "/webhooks/whatsapp";

    public static RouteGroupBuilder MapWhatsAppWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path).WithTags("Webhooks");
        group.MapGet("", (Delegate)Verify);
        group.MapPost("", (Delegate)ReceiveAsync);
        return group;
    }

    private static IResult Verify(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<WhatsAppOptions>>().CurrentValue;
        var query = context.Request.Query;
        var challenge = query["hub.challenge"].ToString();
        if (query["hub.mode"] == "subscribe" && !string.IsNullOrEmpty(options.VerifyToken) && challenge.Length > 0 &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(query["hub.verify_token"].ToString()), Encoding.UTF8.GetBytes(options.VerifyToken)))
        {
            return Results.Text(challenge, "text/plain", Encoding.UTF8, StatusCodes.Status200OK);
        }

        Logger(context).LogWarning("WhatsApp webhook verification refused (mode '{Mode}')", query["hub.mode"].ToString());
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var ack = context.RequestServices.GetRequiredService<AckPriority>().Ack(); // processing yields meanwhile
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<WhatsAppOptions>>().CurrentValue;
        var signature = context.Request.Headers[HubSignature.Header].ToString();
        if (signature.Length == 0)
        {
            Logger(context).LogWarning("WhatsApp webhook without {Header} refused", HubSignature.Header);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var body = await RawBody.ReadAsync(context.Request, options.MaxWebhookBytes, context.RequestAborted);
        if (body is null)
        {
            Logger(context).LogWarning("WhatsApp webhook over {Limit} bytes refused", options.MaxWebhookBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!HubSignature.IsValid(options.AppSecret, signature, body))
        {
            Logger(context).LogWarning(
                string.IsNullOrEmpty(options.AppSecret)
                    ? "WhatsApp webhook refused: WhatsApp:AppSecret is not configured"
                    : "WhatsApp webhook with an invalid signature refused");
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        // Not the request's token: once Meta has sent it, the event is stored even if Meta stops waiting.
        await context.RequestServices.GetRequiredService<WebhookInbox>().AddAsync(WebhookProviders.WhatsApp, body, CancellationToken.None);
        return Results.Ok();
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("HaloAgent.Channels.WhatsApp.Webhook");
}
