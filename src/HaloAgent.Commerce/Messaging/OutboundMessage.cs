namespace HaloAgent.Commerce.Messaging;

/// <param name="IdempotencyKey">The sending step's key: logging the same key again returns the first message.</param>
public sealed record OutboundMessage(
    string BusinessId,
    string ContactId,
    MessageChannel Channel,
    string Type,
    string? Text,
    string? Payload = null,
    string? IdempotencyKey = null);
