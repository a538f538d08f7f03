namespace HaloAgent.Server.Dashboard;

/// <summary>A message of a conversation: <c>in</c> from the customer, <c>out</c> from the agent or the owner; status is the outbox's.</summary>
public sealed record ChatMessage(string Id, string Direction, string Author, string Text, DateTimeOffset SentAt, string? Status)
{
    /// <summary>The customer's picture, when the message carried one: <c>GET /api/conversations/{contact}/images/{ImageId}</c>.</summary>
    public string? ImageId { get; init; }

    public const string In = "in";
    public const string Out = "out";
    public const string Customer = "customer";
    public const string Agent = "agent";
    public const string Owner = "owner";
}
