using HaloAgent.Channels.Routing;
using HaloAgent.Channels.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.WebChat;

/// <summary>
/// Pictures on the web chat page: a visitor sends one (a receipt screenshot, a photo from the phone's camera) as the
/// raw request body, and reads back the ones they sent to show them in the conversation. An upload is a message like a
/// typed one: the same per-address limit, the same signed session, the same <c>clientMessageId</c> that makes a re-sent
/// upload one message. It reaches the agent as an image message whose media id names the stored picture.
/// </summary>
internal static class WebChatImageEndpoints
{
    public static void MapWebChatImages(this RouteGroupBuilder api)
    {
        api.MapPost("/images", PostAsync).RequireRateLimiting(WebChatEndpoints.MessagesPolicy);
        api.MapGet("/images/{id}", ReadAsync);
    }

    private static async Task<IResult> PostAsync(
        string slug, string? sessionId, string? clientMessageId, HttpRequest request, IChannelBusinessDirectory directory, WebChatSessions sessions,
        WebChatImages images, WebChatInbox inbox, IOptionsMonitor<ChannelsOptions> options, CancellationToken cancellationToken)
    {
        var business = await directory.FindBySlugAsync(slug, cancellationToken);
        if (business is null)
        {
            return WebChatEndpoints.UnknownBusiness(slug);
        }

        // The session before the body: nobody without one gets megabytes read.
        var session = sessions.Check(business.Id, sessionId);
        if (session.Key is null)
        {
            return WebChatEndpoints.SessionProblem(session, slug);
        }

        var limit = options.CurrentValue.WebChat.MaxImageBytes;
        var body = await RawBody.ReadAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return WebChatEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, $"The picture is too large: at most {Megabytes(limit)} can be sent. Send a screenshot or a smaller photo.");
        }

        if (body.Length == 0)
        {
            return WebChatEndpoints.Problem(StatusCodes.Status400BadRequest, "The picture is empty: choose it again.");
        }

        if (WebChatImages.MimeTypeOf(body) is not { } mimeType)
        {
            return WebChatEndpoints.Problem(StatusCodes.Status415UnsupportedMediaType, "That file is not a picture: send a JPEG, PNG, WebP or GIF image (a screenshot of the receipt).");
        }

        var id = $"{WebChatImages.IdPrefix}{session.Key}.{clientMessageId}";
        var post = new WebChatPost
        {
            SessionId = session.Key,
            ClientMessageId = clientMessageId,
            Image = new WebChatImage(id, mimeType, body.Length),
        };
        if (WebChatMessageParser.Problem(post) is { } problem)
        {
            return WebChatEndpoints.Problem(StatusCodes.Status400BadRequest, problem);
        }

        // The picture first: a message whose picture is missing could not be read; a picture whose message failed is
        // stored again harmlessly when the page retries with the same clientMessageId.
        await images.SaveAsync(business.Id, id, WebChatSession.ContactKey(session.Key), mimeType, body, CancellationToken.None);
        var (messageId, refused) = await inbox.AddAsync(business.Id, post, CancellationToken.None);
        return refused is not null
            ? WebChatEndpoints.Problem(StatusCodes.Status400BadRequest, refused)
            : Results.Accepted(value: new { id = messageId });
    }

    private static async Task<IResult> ReadAsync(
        string slug, string id, string? sessionId, HttpContext context, IChannelBusinessDirectory directory, WebChatSessions sessions, WebChatReadLimiter limiter,
        WebChatImages images, CancellationToken cancellationToken)
    {
        if (limiter.TryAddress(context.Connection.RemoteIpAddress?.ToString() ?? "unknown") is { } wait)
        {
            return WebChatEndpoints.TooManyReads(context, wait, "from this address");
        }

        var business = await directory.FindBySlugAsync(slug, cancellationToken);
        if (business is null)
        {
            return WebChatEndpoints.UnknownBusiness(slug);
        }

        var session = sessions.Check(business.Id, sessionId);
        if (session.Key is null)
        {
            return WebChatEndpoints.SessionProblem(session, slug);
        }

        // Another visitor's picture is answered exactly like a missing one: ids are not a way to probe for them.
        var image = WebChatImages.IsWebChatMediaId(id) ? await images.FindAsync(business.Id, id, cancellationToken) : null;
        if (image is null || image.Sender != WebChatSession.ContactKey(session.Key))
        {
            return WebChatEndpoints.Problem(StatusCodes.Status404NotFound, "There is no such picture in this conversation.");
        }

        // A picture never changes under its id; the page redraws the conversation often and should not fetch it again.
        context.Response.Headers.CacheControl = "private, max-age=86400, immutable";
        return Results.Bytes(image.Data, image.MimeType);
    }

    private static string Megabytes(int bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}
