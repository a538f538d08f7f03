namespace HaloAgent.Server.Dashboard;

/// <summary>One row of the owner's inbox. <see cref="HandledBy"/> is <c>human</c> while the agent is paused for the contact.</summary>
public sealed record ConversationSummary(
    string ContactId,
    string ContactName,
    string Phone,
    string Language,
    string LastMessage,
    DateTimeOffset LastMessageAt,
    int Unread,
    string HandledBy,
    string? EscalationId);
