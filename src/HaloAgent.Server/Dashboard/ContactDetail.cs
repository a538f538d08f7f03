namespace HaloAgent.Server.Dashboard;

/// <summary>
/// One contact's page: profile, consent (state and changes), orders (newest first), the recent conversation (oldest
/// first, newest last; null for a role that may not read chats) and what the agent remembers of them.
/// <see cref="Languages"/> are the codes the language may be set to.
/// </summary>
public sealed record ContactDetail(
    string Id,
    string Name,
    string Phone,
    string Channel,
    string Language,
    IReadOnlyList<string> Tags,
    int LoyaltyPoints,
    int OrderCount,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? LastSeenAt,
    string Consent,
    DateTimeOffset? ConsentChangedAt,
    IReadOnlyList<ContactConsentChange> ConsentHistory,
    IReadOnlyList<ContactOrder> Orders,
    IReadOnlyList<ChatMessage>? Conversation,
    IReadOnlyList<ContactFact> Facts,
    IReadOnlyList<string> Languages)
{
    /// <summary>The team's own note about the customer (empty when none).</summary>
    public string TeamNote { get; init; } = "";
}

/// <summary>An order on the contact's page: number, what was in it, total in kobo and status (the order's enum name).</summary>
public sealed record ContactOrder(string Id, string Number, string Items, int ItemCount, long TotalKobo, string Status, DateTimeOffset CreatedAt);

/// <summary>A fact the agent keeps about the contact (delivery address, zone, language …).</summary>
public sealed record ContactFact(string Key, string Value);

/// <summary>The owner's change to a contact: only the fields given change.</summary>
public sealed record ContactPatch(string? Language, IReadOnlyList<string?>? Tags, string? TeamNote = null);
