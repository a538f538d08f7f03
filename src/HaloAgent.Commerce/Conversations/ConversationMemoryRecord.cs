namespace HaloAgent.Commerce.Conversations;

/// <summary>One row per contact: the recent turns and the facts learned, as JSON, with a version for safe concurrent appends.</summary>
public sealed class ConversationMemoryRecord
{
    public required string ContactId { get; set; }

    public required string BusinessId { get; set; }

    public string TurnsJson { get; set; } = "[]";

    public string FactsJson { get; set; } = "{}";

    public long Version { get; set; }

    public long UpdatedAt { get; set; }
}
