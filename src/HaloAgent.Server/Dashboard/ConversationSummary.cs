namespace HaloAgent.Server.Dashboard;

/// <summary>
/// One row of the owner's inbox. <see cref="HandledBy"/> is <c>human</c> while the agent is paused for the contact;
/// <see cref="Channel"/> is where the customer last wrote (whatsapp, twilio, webchat); <see cref="HandoverReason"/> is
/// why the open escalation was opened (the agent's words, or who took the chat over).
/// </summary>
public sealed record ConversationSummary(
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
    string? HandoverReason);
