namespace HaloAgent.Channels.Persistence.Records;

/// <summary>
/// One customer message, unique per (business, external id): the dedupe key that turns at-least-once webhooks into
/// one hand-off. <see cref="HandledAt"/> is set once the handler succeeded, so a failed hand-off is retried instead of
/// being blocked by the dedupe; <see cref="ClaimedUntil"/> keeps two processors from handing off the same message.
/// </summary>
public sealed class InboundMessageRecord
{
    public required string BusinessId { get; set; }

    public required string ExternalId { get; set; }

    public required string Channel { get; set; }

    public required string Sender { get; set; }

    public required string Type { get; set; }

    /// <summary>When the customer sent it (the channel's timestamp).</summary>
    public long SentAt { get; set; }

    public long ReceivedAt { get; set; }

    public required string InboxId { get; set; }

    /// <summary>The normalized <c>InboundMessage</c> as JSON.</summary>
    public required string Payload { get; set; }

    public long? ClaimedUntil { get; set; }

    public long? HandledAt { get; set; }
}
