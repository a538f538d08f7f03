using System.Text.Json;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Messages;

namespace HaloAgent.Channels.WebChat;

/// <summary>Checks a web chat post and turns it into the same <see cref="InboundMessage"/> the other channels produce.</summary>
public static class WebChatMessageParser
{
    public const int MaxTextLength = WhatsAppLimits.TextBody;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Why the post cannot be accepted (null when it can): checked on the request, so the page hears about it.</summary>
    public static string? Problem(WebChatPost? post)
    {
        if (post is null)
        {
            return "The body must be a JSON object.";
        }

        if (!WebChatSession.IsValidId(post.SessionId))
        {
            return "sessionId is missing or not a session this server issued.";
        }

        if (post.ClientMessageId is not { Length: >= 1 and <= 64 } id || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return "clientMessageId must be 1–64 letters, digits, '-' or '_'.";
        }

        if (post.Reply is { } reply)
        {
            return string.IsNullOrWhiteSpace(reply.Id) || reply.Id.Length > WhatsAppLimits.ButtonId ? "reply.id is missing or too long." : null;
        }

        if (post.Image is { } image)
        {
            // A picture needs no words; a caption, when there is one, has the text's limit.
            return !WebChatImages.IsWebChatMediaId(image.Id) || image.Id!.Length > InboundMessageCheck.MaxIdLength || string.IsNullOrEmpty(image.MimeType)
                ? "image is not a picture this server stored."
                : post.Text is { Length: > MaxTextLength } caption ? $"The caption is {caption.Length} characters; at most {MaxTextLength} are accepted." : null;
        }

        if (string.IsNullOrWhiteSpace(post.Text))
        {
            return "Type a message first: text is empty.";
        }

        return post.Text.Length > MaxTextLength ? $"The message is {post.Text.Length} characters; at most {MaxTextLength} are accepted." : null;
    }

    /// <summary>The stored post as a customer message; null (with the reason) when it is unreadable.</summary>
    public static InboundMessage? Parse(byte[] body, out string? error)
    {
        WebChatPost? post;
        try
        {
            post = JsonSerializer.Deserialize<WebChatPost>(body, Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            error = $"Unreadable web chat message: {ex.Message}";
            return null;
        }

        error = Problem(post) ?? (string.IsNullOrEmpty(post?.BusinessId) ? "The web chat message names no business." : null);
        if (error is not null)
        {
            return null;
        }

        var reply = post!.Reply is { Id: { } id } r ? new InboundReply(id, r.Title) : null;
        if (post.Image is { } image)
        {
            // The same shape as a WhatsApp image message, so the flows (a receipt for an unpaid order) treat both alike.
            return new InboundMessage
            {
                BusinessId = post.BusinessId!,
                Channel = ChannelKind.WebChat,
                ExternalId = $"web.{post.SessionId}.{post.ClientMessageId}",
                From = WebChatSession.ContactKey(post.SessionId!),
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(post.ReceivedAt),
                Type = InboundMessageType.Image,
                ProviderType = "image",
                Text = string.IsNullOrWhiteSpace(post.Text) ? null : post.Text.Trim(),
                Media = new InboundMedia { Id = image.Id, MimeType = image.MimeType, Caption = string.IsNullOrWhiteSpace(post.Text) ? null : post.Text.Trim() },
            };
        }

        return new InboundMessage
        {
            BusinessId = post.BusinessId!,
            Channel = ChannelKind.WebChat,
            ExternalId = $"web.{post.SessionId}.{post.ClientMessageId}",
            From = WebChatSession.ContactKey(post.SessionId!),
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(post.ReceivedAt),
            Type = reply is null ? InboundMessageType.Text : InboundMessageType.ButtonReply,
            ProviderType = reply is null ? "text" : "button_reply",
            Text = reply is null ? post.Text!.Trim() : null,
            Reply = reply,
        };
    }
}
