namespace HaloAgent.Commerce.Conversations;

/// <summary>One message of the conversation as the agent remembers it.</summary>
/// <param name="Role"><see cref="Customer"/> or <see cref="Agent"/> (a human's reply during hand-over counts as agent).</param>
/// <param name="At">Unix milliseconds.</param>
public sealed record ConversationTurn(string Role, string Text, long At)
{
    public const string Customer = "customer";
    public const string Agent = "agent";
}
