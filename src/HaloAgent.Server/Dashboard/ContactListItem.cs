namespace HaloAgent.Server.Dashboard;

/// <summary>
/// A contact as the dashboard lists it. <see cref="Consent"/> is <c>not_asked</c>, <c>opted_in</c> or <c>opted_out</c>
/// (see <see cref="ContactConsent"/>); <see cref="MarketingOptIn"/> is true only with consent and no STOP since.
/// <see cref="OrderCount"/> counts the orders they placed that were not cancelled.
/// </summary>
public sealed record ContactListItem(
    string Id,
    string Name,
    string Phone,
    string Language,
    bool MarketingOptIn,
    string Consent,
    DateTimeOffset? ConsentChangedAt,
    int OrderCount,
    int LoyaltyPoints,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSeenAt);
