namespace HaloAgent.AI;

/// <summary>One message to understand, with the context that changes its meaning.</summary>
/// <param name="Text">The customer's message as received (any length; only the first 4,000 characters are read).</param>
/// <param name="PreferredLanguage">The contact's stored language (en, pcm, yo, ig, ha), used when the text itself says little.</param>
/// <param name="Catalog">What the business sells, in the shape the NLU needs; keeps this project free of the commerce model.</param>
public sealed record UnderstandRequest(string Text, string? PreferredLanguage, IReadOnlyList<CatalogEntry> Catalog)
{
    /// <summary>The last few turns of the conversation, oldest first (the LLM provider reads them; the rules do not).</summary>
    public IReadOnlyList<ConversationTurn> RecentTurns { get; init; } = [];

    /// <summary>
    /// What the agent just asked (see <see cref="Slots"/>): "quantity", "fulfilment", "address" or "confirm".
    /// A bare "2" or "yes" only makes sense against it.
    /// </summary>
    public string? AwaitingSlot { get; init; }
}
