namespace HaloAgent.Channels.Inbound;

/// <summary>
/// One customer message, the same whichever channel it came on. <see cref="ExternalId"/> (a wamid or Twilio MessageSid)
/// is unique per business: handlers should use it as the idempotency key of whatever they do (e.g. the engine event id),
/// because a hand-off interrupted by a crash is repeated.
/// </summary>
public sealed record InboundMessage
{
    /// <summary>The business the message was sent to (empty until the message is routed).</summary>
    public required string BusinessId { get; init; }

    public required ChannelKind Channel { get; init; }

    public required string ExternalId { get; init; }

    /// <summary>The customer's WhatsApp id: phone number digits without '+', e.g. 2348030000001.</summary>
    public required string From { get; init; }

    public string? ProfileName { get; init; }

    /// <summary>Business-scoped user id, when WhatsApp sends one (users with usernames).</summary>
    public string? UserId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required InboundMessageType Type { get; init; }

    /// <summary>The type as the channel named it (e.g. <c>sticker</c> for an <see cref="InboundMessageType.Unknown"/>).</summary>
    public string? ProviderType { get; init; }

    /// <summary>Text body, caption, quick-reply text or order note: whatever words came with the message.</summary>
    public string? Text { get; init; }

    public InboundReply? Reply { get; init; }

    public InboundMedia? Media { get; init; }

    public InboundLocation? Location { get; init; }

    public InboundOrder? Order { get; init; }

    /// <summary>The message this one replies to (a button tap carries the id of the message with the buttons).</summary>
    public string? ContextMessageId { get; init; }
}
