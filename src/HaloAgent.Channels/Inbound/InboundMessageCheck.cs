using HaloAgent.Channels.Messages;
using HaloAgent.Channels.WebChat;

namespace HaloAgent.Channels.Inbound;

/// <summary>
/// What a customer message must be before it reaches a handler, whichever channel it came on: a sender the channel can
/// answer (WhatsApp and Twilio: a wa_id of 8–15 digits; web chat: a session key), bounded ids and text. A message
/// that fails is poison: retrying cannot fix it, so the inbox dead-letters it without creating a contact or a flow.
/// </summary>
public static class InboundMessageCheck
{
    /// <summary>Meta's own limit on a text message; longer text is not something a customer can send.</summary>
    public const int MaxTextLength = WhatsAppLimits.TextBody;

    /// <summary>Message ids and reply ids (a wamid is ~60 characters; a database key must stay small).</summary>
    public const int MaxIdLength = 256;

    private const int MaxExcerpt = 24;

    /// <summary>Why the message cannot be handled (null when it can).</summary>
    public static string? Problem(InboundMessage message)
    {
        if (SenderProblem(message.Channel, message.From) is { } sender)
        {
            return sender;
        }

        if (string.IsNullOrEmpty(message.ExternalId) || message.ExternalId.Length > MaxIdLength)
        {
            return $"Message id is missing or longer than {MaxIdLength} characters.";
        }

        if (message.Text is { Length: > MaxTextLength } text)
        {
            return $"Text of {text.Length} characters exceeds the limit of {MaxTextLength}.";
        }

        if (message.Reply is { } reply && (reply.Id.Length > MaxIdLength || reply.Title?.Length > MaxIdLength || reply.Description?.Length > MaxIdLength))
        {
            return $"Reply id or title longer than {MaxIdLength} characters.";
        }

        return null;
    }

    /// <summary>Why <paramref name="from"/> is not a sender this channel can answer (null when it is).</summary>
    public static string? SenderProblem(ChannelKind channel, string? from)
    {
        if (string.IsNullOrEmpty(from))
        {
            return "Invalid sender: missing.";
        }

        var valid = channel == ChannelKind.WebChat ? WebChatSession.FromContactKey(from) is not null : WhatsAppId.Normalize(from) == from;
        return valid ? null : $"Invalid sender: '{Excerpt(from)}' ({from.Length} characters) is not {(channel == ChannelKind.WebChat ? "a web chat session" : "a phone number of 8–15 digits")}.";
    }

    private static string Excerpt(string text) => text.Length <= MaxExcerpt ? text : text[..MaxExcerpt] + "…";
}
