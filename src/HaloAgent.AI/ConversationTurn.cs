namespace HaloAgent.AI;

/// <summary>One earlier message of the conversation.</summary>
/// <param name="Role">"customer" or "agent".</param>
/// <param name="Text">What was said.</param>
public sealed record ConversationTurn(string Role, string Text)
{
    public const string Customer = "customer";
    public const string Agent = "agent";
}
