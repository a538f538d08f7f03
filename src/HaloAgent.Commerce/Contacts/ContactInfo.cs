namespace HaloAgent.Commerce.Contacts;

/// <summary>A contact as the agent reads it.</summary>
public sealed record ContactInfo(
    string Id,
    string BusinessId,
    string WaId,
    string? PhoneE164,
    string? Name,
    string? PreferredLanguage,
    bool DataConsent,
    long? DataConsentAt,
    bool MarketingConsent,
    long? MarketingConsentAt,
    bool MarketingOptOut,
    long? MarketingOptOutAt,
    int LoyaltyPoints,
    int OrderCount,
    long? LastInboundAt,
    bool AgentPaused,
    long CreatedAt,
    long UpdatedAt)
{
    /// <summary>The channel the customer last wrote on (whatsapp, twilio, webchat): replies go back there.</summary>
    public string Channel { get; init; } = "whatsapp";

    /// <summary>The team's own note about the customer (empty when none).</summary>
    public string Note { get; init; } = "";

    /// <summary>A test run's customer, not the business's (see <see cref="SandboxContacts"/>).</summary>
    public bool Sandbox { get; init; }

    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(24);

    /// <summary>Promotional broadcasts need explicit consent and no opt-out.</summary>
    public bool CanReceiveMarketing => MarketingConsent && !MarketingOptOut;

    /// <summary>
    /// True while WhatsApp allows free-form messages (24 hours after the customer's last message); outside it only
    /// approved templates may be sent (Meta error 131047).
    /// </summary>
    public bool IsInServiceWindow(DateTimeOffset now) =>
        LastInboundAt is { } last && now.ToUnixTimeMilliseconds() - last < (long)ServiceWindow.TotalMilliseconds;

    internal static ContactInfo From(Contact c) => new(
        c.Id, c.BusinessId, c.WaId, c.PhoneE164, c.Name, c.PreferredLanguage, c.DataConsent, c.DataConsentAt,
        c.MarketingConsent, c.MarketingConsentAt, c.MarketingOptOut, c.MarketingOptOutAt, c.LoyaltyPoints, c.OrderCount,
        c.LastInboundAt, c.AgentPaused, c.CreatedAt, c.UpdatedAt)
    {
        Channel = c.Channel,
        Note = c.Note,
        Sandbox = c.Sandbox,
    };
}
