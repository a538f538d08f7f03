using HaloAgent.Channels.Inbox;
using HaloAgent.Channels.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.Twilio;

/// <summary>
/// <c>POST /webhooks/twilio</c>: Twilio's WhatsApp webhook. Same contract as the WhatsApp one: signature checked over
/// the raw form (401 and nothing stored when it fails), event stored in one insert, 200 with an empty TwiML reply; the
/// message reaches the agent through the same inbox and dedupe (on MessageSid).
/// </summary>
public static class TwilioWebhookEndpoints
{
    public const string Path = "/webhooks/twilio";

    public static RouteHandlerBuilder MapTwilioWebhooks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, (Delegate)ReceiveAsync).WithTags("Webhooks");

    private static async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var ack = context.RequestServices.GetRequiredService<AckPriority>().Ack(); // processing yields meanwhile
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<TwilioOptions>>().CurrentValue;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("HaloAgent.Channels.Twilio.Webhook");
        var signature = context.Request.Headers[TwilioSignature.Header].ToString();
        if (signature.Length == 0)
        {
            logger.LogWarning("Twilio webhook without {Header} refused", TwilioSignature.Header);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var body = await RawBody.ReadAsync(context.Request, options.MaxWebhookBytes, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var request = context.Request;
        var url = options.WebhookUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        if (!TwilioSignature.IsValid(options.AuthToken, url, TwilioMessageParser.ReadForm(body), signature))
        {
            logger.LogWarning(
                string.IsNullOrEmpty(options.AuthToken)
                    ? "Twilio webhook refused: Twilio:AuthToken is not configured"
                    : "Twilio webhook with an invalid signature refused (signed URL expected: {Url})", url);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        await context.RequestServices.GetRequiredService<WebhookInbox>().AddAsync(WebhookProviders.Twilio, body, CancellationToken.None);
        return Results.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", "text/xml");
    }
}
