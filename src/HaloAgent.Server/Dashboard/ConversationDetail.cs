namespace HaloAgent.Server.Dashboard;

/// <summary>
/// The summary's fields plus the messages, oldest first (the contract's <c>Conversation extends ConversationSummary</c>),
/// and what the owner needs beside the chat: the contact's latest orders and what the agent remembers of them.
/// </summary>
public sealed record ConversationDetail(
    string ContactId,
    string ContactName,
    string Phone,
    string Channel,
    string Language,
    string LastMessage,
    DateTimeOffset LastMessageAt,
    int Unread,
    string HandledBy,
    string? EscalationId,
    string? HandoverReason,
    IReadOnlyList<ChatMessage> Messages,
    IReadOnlyList<ConversationOrder> Orders,
    IReadOnlyDictionary<string, string> Notes)
{
    /// <summary>The team's own note about the customer, shown beside the chat (empty when none).</summary>
    public string TeamNote { get; init; } = "";

    public static ConversationDetail From(
        ConversationSummary s, IReadOnlyList<ChatMessage> messages, IReadOnlyList<ConversationOrder> orders, IReadOnlyDictionary<string, string> notes) =>
        new(s.ContactId, s.ContactName, s.Phone, s.Channel, s.Language, s.LastMessage, s.LastMessageAt, s.Unread, s.HandledBy, s.EscalationId,
            s.HandoverReason, messages, orders, notes);
}
