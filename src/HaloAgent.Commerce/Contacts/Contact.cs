namespace HaloAgent.Commerce.Contacts;

/// <summary>A customer of one business, keyed by their WhatsApp id (or the channel's user key) within it.</summary>
public sealed class Contact
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    /// <summary>WhatsApp's wa_id (digits, no +) for phone contacts; the channel's user key otherwise (web chat, BSUID).</summary>
    public required string WaId { get; set; }

    public string? PhoneE164 { get; set; }

    /// <summary>The channel the customer last wrote on (whatsapp, twilio, webchat): replies go back there.</summary>
    public string Channel { get; set; } = "whatsapp";

    public string? Name { get; set; }

    /// <summary>en, pcm, yo, ig or ha; null until the customer's language is known.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>Consent to process their data for orders (NDPA): given when they first write to the business.</summary>
    public bool DataConsent { get; set; }

    public long? DataConsentAt { get; set; }

    /// <summary>Explicit consent to promotional messages (broadcasts).</summary>
    public bool MarketingConsent { get; set; }

    public long? MarketingConsentAt { get; set; }

    /// <summary>The customer said STOP: no marketing or nudges until they say START. Withdrawn as easily as given.</summary>
    public bool MarketingOptOut { get; set; }

    public long? MarketingOptOutAt { get; set; }

    public int LoyaltyPoints { get; set; }

    public int OrderCount { get; set; }

    /// <summary>The owner's labels, lower case, stored as <c>|vip|lekki|</c> (empty for none) so one LIKE finds a tag on any database.</summary>
    public string Tags { get; set; } = "";

    /// <summary>The team's own note about the customer (not shown to the agent or the customer); empty when none.</summary>
    public string Note { get; set; } = "";

    /// <summary>When the customer last wrote: free-form replies are allowed for 24 hours after it.</summary>
    public long? LastInboundAt { get; set; }

    /// <summary>A human has the conversation: the agent stays quiet in this chat.</summary>
    public bool AgentPaused { get; set; }

    public long? AgentPausedAt { get; set; }

    /// <summary>
    /// A test run's customer (the Studio's sandbox), not one of the business's: set when it is created, never changed.
    /// See <see cref="SandboxContacts"/>.
    /// </summary>
    public bool Sandbox { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }
}
