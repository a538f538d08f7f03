namespace HaloAgent.Channels.Persistence.Records;

/// <summary>
/// A message to send (the outbox). <see cref="IdempotencyKey"/> is unique: enqueuing the same key again is a no-op,
/// which is how a re-run flow step never sends twice. The row is also its queue entry (<see cref="NextAttemptAt"/>).
/// </summary>
public sealed class OutboundMessageRecord
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    /// <summary>WhatsApp id of the customer (digits, no '+').</summary>
    public required string Recipient { get; set; }

    public required string IdempotencyKey { get; set; }

    /// <summary>whatsapp, twilio or webchat: the transport that sends it.</summary>
    public string Channel { get; set; } = "whatsapp";

    /// <summary>Approved-template language for the 24-hour-window fallback.</summary>
    public string? TemplateLanguage { get; set; }

    /// <summary>Graph message type: text, interactive, image, template.</summary>
    public required string MessageType { get; set; }

    /// <summary>The Graph API request body, sent as is.</summary>
    public required string Payload { get; set; }

    /// <summary>queued, sending, sent, delivered, read or failed.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public long NextAttemptAt { get; set; }

    public string? Wamid { get; set; }

    public int? ErrorCode { get; set; }

    public string? ErrorTitle { get; set; }

    /// <summary>What the error means for the business (e.g. that only an approved template can reach the customer now).</summary>
    public string? ErrorDetail { get; set; }

    public string? BizOpaqueCallbackData { get; set; }

    /// <summary>When the current status happened (Meta's timestamp for sent/delivered/read/failed reports).</summary>
    public long? StatusAt { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }
}
