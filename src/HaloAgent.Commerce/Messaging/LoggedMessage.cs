namespace HaloAgent.Commerce.Messaging;

/// <summary>One message in or out, on any channel. Inbound ones are deduplicated on the channel's message id.</summary>
public sealed class LoggedMessage
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    public required string ContactId { get; set; }

    public MessageDirection Direction { get; set; }

    public MessageChannel Channel { get; set; }

    /// <summary>The channel's id (WhatsApp wamid, Twilio SID); unique per business and channel.</summary>
    public string? ExternalId { get; set; }

    /// <summary>For outbound: the sending step's key, so a retried step logs (and sends) once.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>text, interactive, button, image, audio, location, order, template, unknown, ...</summary>
    public required string Type { get; set; }

    public string? Text { get; set; }

    /// <summary>The channel's JSON for the message (media ids, list rows, template parameters, ...).</summary>
    public string? Payload { get; set; }

    public MessageStatus Status { get; set; }

    /// <summary>The channel's error code when <see cref="Status"/> is failed (131047, 131026, 130429, ...).</summary>
    public string? ErrorCode { get; set; }

    public string? ErrorTitle { get; set; }

    /// <summary>When the message was written (inbound: the channel's timestamp; outbound: when queued).</summary>
    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? SentAt { get; set; }

    public long? DeliveredAt { get; set; }

    public long? ReadAt { get; set; }

    public long? FailedAt { get; set; }
}
