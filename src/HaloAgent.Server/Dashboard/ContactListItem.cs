namespace HaloAgent.Server.Dashboard;

/// <summary>A contact as the dashboard lists it. <see cref="MarketingOptIn"/> is true only with consent and no STOP since.</summary>
public sealed record ContactListItem(
    string Id,
    string Name,
    string Phone,
    string Language,
    bool MarketingOptIn,
    int OrderCount,
    int LoyaltyPoints,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSeenAt);
