namespace HaloAgent.Commerce.Messaging;

/// <param name="ExternalId">The channel's message id (wamid): the dedupe key for redeliveries.</param>
/// <param name="At">When the customer sent it (Unix ms); now when null.</param>
public sealed record InboundMessage(
    string BusinessId,
    string ContactId,
    MessageChannel Channel,
    string? ExternalId,
    string Type,
    string? Text,
    string? Payload = null,
    long? At = null);
