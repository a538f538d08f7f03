namespace HaloAgent.Commerce.Messaging;

public sealed record MessageView(
    string Id,
    string ContactId,
    MessageDirection Direction,
    MessageChannel Channel,
    string? ExternalId,
    string Type,
    string? Text,
    string? Payload,
    MessageStatus Status,
    string? ErrorCode,
    string? ErrorTitle,
    long CreatedAt,
    long? SentAt,
    long? DeliveredAt,
    long? ReadAt,
    long? FailedAt)
{
    internal static MessageView From(LoggedMessage m) => new(
        m.Id, m.ContactId, m.Direction, m.Channel, m.ExternalId, m.Type, m.Text, m.Payload, m.Status, m.ErrorCode, m.ErrorTitle,
        m.CreatedAt, m.SentAt, m.DeliveredAt, m.ReadAt, m.FailedAt);
}
