namespace HaloAgent.Commerce.Messaging;

/// <summary>Every message in and out, per business and contact: the conversation history and the dedupe ledger.</summary>
public interface IMessageLog
{
    /// <summary>
    /// Logs an inbound message once: a redelivery with the same external id (wamid) returns the first one's id with
    /// <see cref="LogResult.Duplicate"/> set, so the caller does not process it twice.
    /// </summary>
    Task<LogResult> RecordInboundAsync(InboundMessage message, CancellationToken cancellationToken);

    /// <summary>Logs an outbound message as queued (once per idempotency key).</summary>
    Task<LogResult> RecordOutboundAsync(OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>The channel accepted the send and gave it an id (wamid); status callbacks find the message by it.</summary>
    Task<StatusUpdateOutcome> MarkSentAsync(string messageId, string externalId, long at, CancellationToken cancellationToken);

    /// <summary>A send failed before or at the channel (e.g. 131047 outside the 24-hour window).</summary>
    Task<StatusUpdateOutcome> MarkFailedAsync(string messageId, string? errorCode, string? errorTitle, long at, CancellationToken cancellationToken);

    /// <summary>
    /// A status callback. Callbacks arrive out of order and more than once: the status only moves forward
    /// (queued → sent → delivered → read; failed unless already delivered), each status's time is kept.
    /// </summary>
    Task<StatusUpdateOutcome> ApplyStatusAsync(StatusUpdate update, CancellationToken cancellationToken);

    Task<MessageView?> GetAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>The contact's last <paramref name="take"/> messages, oldest first.</summary>
    Task<IReadOnlyList<MessageView>> ListAsync(string businessId, string contactId, int take, CancellationToken cancellationToken);
}
