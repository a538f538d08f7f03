namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Queues WhatsApp messages for the <see cref="OutboxSender"/>. From inside a flow step, enlist a
/// <see cref="SendMessageWrite"/> instead: it is queued in the step's own commit.
/// </summary>
public interface IOutbox
{
    /// <summary>Queues the message unless its idempotency key is already queued. Throws for content WhatsApp would refuse.</summary>
    Task<EnqueueResult> EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken);

    Task<OutboundMessageState?> GetAsync(string id, CancellationToken cancellationToken);

    Task<OutboundMessageState?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken);
}
