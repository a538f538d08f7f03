namespace HaloAgent.Platform.Messaging;

/// <summary>
/// One marketing message to one contact. On WhatsApp it goes as the approved template <see cref="TemplateName"/> in
/// <see cref="TemplateLanguage"/> with <see cref="Parameters"/>; on channels without templates (web chat, Twilio) as
/// <see cref="Text"/>, the template's body already filled in. <see cref="IdempotencyKey"/> makes queuing it exactly once.
/// <see cref="FreeForm"/>: a journey step inside the customer's 24-hour window sends <see cref="Text"/> on WhatsApp
/// too (Meta allows free-form text there, and it reads better than a template).
/// </summary>
public sealed record MarketingMessage(
    string BusinessId, string To, string Channel, string IdempotencyKey, string CallbackData,
    string TemplateName, string TemplateLanguage, IReadOnlyList<string> Parameters, string Text, bool FreeForm = false);

/// <summary>Where a queued marketing message is: queued, sending, sent, delivered, read or failed (with Meta's code).</summary>
public sealed record MarketingDelivery(string IdempotencyKey, string Status, int? ErrorCode, string? ErrorTitle, DateTimeOffset? StatusAt);

/// <summary>Queues marketing messages on the one outbox and reads back how they went (implemented where the channels live).</summary>
public interface IMarketingMessenger
{
    /// <summary>Queues one message once per idempotency key; false when the key was queued before.</summary>
    /// <exception cref="ArgumentException">The channel would refuse the message (too long, an empty parameter, a bad address).</exception>
    Task<bool> EnqueueAsync(MarketingMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Queues the messages in one transaction, each once per idempotency key (a key queued before is left as it is).
    /// Returns the messages the channel would refuse (too long, an empty parameter, a bad address) with the reason, by key.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> EnqueueManyAsync(IReadOnlyList<MarketingMessage> messages, CancellationToken cancellationToken);

    /// <summary>The state of each message queued under one of <paramref name="idempotencyKeys"/> (unknown keys are left out).</summary>
    Task<IReadOnlyList<MarketingDelivery>> DeliveriesAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken);
}
