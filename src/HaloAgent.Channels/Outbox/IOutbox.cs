namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Queues WhatsApp messages for the <see cref="OutboxSender"/>. From inside a flow step, enlist a
/// <see cref="SendMessageWrite"/> instead: it is queued in the step's own commit.
/// </summary>
public interface IOutbox
{
    /// <summary>Keys one <see cref="FindByIdempotencyKeysAsync"/> takes: one parameter each, well under both databases' limits.</summary>
    const int MaxKeysPerLookup = 1000;

    /// <summary>Queues the message unless its idempotency key is already queued. Throws for content WhatsApp would refuse.</summary>
    Task<EnqueueResult> EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Queues many messages in one transaction (a broadcast's batch), each unless its key is queued already. A message
    /// WhatsApp would refuse is left out and returned with the reason, keyed by its idempotency key.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> EnqueueManyAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken);

    Task<OutboundMessageState?> GetAsync(string id, CancellationToken cancellationToken);

    Task<OutboundMessageState?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The messages queued under any of <paramref name="idempotencyKeys"/> (at most 1,000 keys; unknown keys are left out).</summary>
    Task<IReadOnlyList<OutboundMessageState>> FindByIdempotencyKeysAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken);
}
