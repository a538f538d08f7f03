namespace HaloAgent.Server.Dashboard;

/// <summary>The summary's fields plus the messages, oldest first (the contract's <c>Conversation extends ConversationSummary</c>).</summary>
public sealed record ConversationDetail(
    string ContactId,
    string ContactName,
    string Phone,
    string Language,
    string LastMessage,
    DateTimeOffset LastMessageAt,
    int Unread,
    string HandledBy,
    string? EscalationId,
    IReadOnlyList<ChatMessage> Messages)
{
    public static ConversationDetail From(ConversationSummary s, IReadOnlyList<ChatMessage> messages) =>
        new(s.ContactId, s.ContactName, s.Phone, s.Language, s.LastMessage, s.LastMessageAt, s.Unread, s.HandledBy, s.EscalationId, messages);
}
