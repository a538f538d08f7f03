namespace HaloAgent.Commerce.Messaging;

/// <summary>A delivery status from the channel (WhatsApp's statuses[]), found by the message's external id.</summary>
public sealed record StatusUpdate(
    string BusinessId,
    MessageChannel Channel,
    string ExternalId,
    MessageStatus Status,
    long At,
    string? ErrorCode = null,
    string? ErrorTitle = null);
