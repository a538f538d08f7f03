namespace HaloAgent.Commerce.Conversations;

/// <summary>What the agent remembers of one contact: recent turns, oldest first, and extracted facts.</summary>
public sealed record ConversationMemorySnapshot(IReadOnlyList<ConversationTurn> Turns, IReadOnlyDictionary<string, string> Facts)
{
    public static ConversationMemorySnapshot Empty { get; } =
        new([], new Dictionary<string, string>(StringComparer.Ordinal));

    public string? Fact(string key) => Facts.TryGetValue(key, out var value) ? value : null;
}
