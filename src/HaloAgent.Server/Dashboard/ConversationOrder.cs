namespace HaloAgent.Server.Dashboard;

/// <summary>One of the contact's recent orders, as the inbox shows it beside the chat.</summary>
public sealed record ConversationOrder(string Id, string Number, string Status, long TotalKobo, DateTimeOffset CreatedAt);
