namespace HaloAgent.Channels.Outbox;

/// <summary>A validated outbox row ready to insert (parameter object for the insert statements).</summary>
internal sealed record OutboxInsert(
    string Id, string BusinessId, string Recipient, string IdempotencyKey, string Channel, string MessageType, string Payload,
    string? BizOpaqueCallbackData, string? TemplateLanguage);
