namespace HaloAgent.Commerce.Conversations;

/// <summary>
/// Conversation memory persisted in the database (never in process memory): any node can continue any chat.
/// </summary>
public interface IConversationMemory
{
    /// <summary>Keeps the most recent <see cref="ConversationMemory.MaxTurns"/> turns.</summary>
    Task AppendTurnAsync(string businessId, string contactId, ConversationTurn turn, CancellationToken cancellationToken);

    Task<ConversationMemorySnapshot> GetAsync(string contactId, CancellationToken cancellationToken);

    /// <summary>Sets a fact (see <see cref="ConversationFacts"/>); a null or empty value forgets it.</summary>
    Task SetFactAsync(string businessId, string contactId, string key, string? value, CancellationToken cancellationToken);
}
